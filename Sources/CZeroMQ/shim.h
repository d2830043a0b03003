#ifndef TUMEN_CZEROMQ_SHIM_H
#define TUMEN_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
