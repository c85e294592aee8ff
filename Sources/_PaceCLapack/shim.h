// The only place Pace imports C: OpenBLAS's CBLAS and the reference LAPACKE, from Debian's
// libopenblas-dev and liblapacke-dev. No stable API; PaceLinearAlgebra wraps it.
#ifndef PACE_CLAPACK_SHIM_H
#define PACE_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>
// OpenBLAS (not in cblas.h): stops its worker threads; the next threaded call restarts them.
int blas_thread_shutdown_(void);
#endif
