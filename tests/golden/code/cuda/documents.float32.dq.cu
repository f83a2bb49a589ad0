
#ifdef __CUDACC_RTC__
  #include <cuda/std/cstdint>
  using cuda::std::uint8_t;
  using cuda::std::uint16_t;
  using cuda::std::uint32_t;
  using cuda::std::uint64_t;
  using cuda::std::int8_t;
  using cuda::std::int16_t;
  using cuda::std::int32_t;
  using cuda::std::int64_t;

  #include <cuda/std/type_traits>
  namespace std {
    using cuda::std::is_same;
    using cuda::std::is_same_v;
    using cuda::std::is_integral;
    using cuda::std::is_signed;
    using cuda::std::is_unsigned;
    using cuda::std::is_floating_point;
    using cuda::std::enable_if;
    using cuda::std::conditional;
  }

  // NVRTC uses asm/volatile instead of __asm__/__volatile__ (gcc extension).
  #ifndef __asm__
  #define __asm__ asm
  #endif
  #ifndef __volatile__
  #define __volatile__ volatile
  #endif
#else
  #include <cstdint>
  #include <type_traits>
  #include <cuda.h>
#endif

#include <math_constants.h>

#if (((__CUDACC_VER_MAJOR__ == 11) && (__CUDACC_VER_MINOR__ >= 4)) || \
     (__CUDACC_VER_MAJOR__ > 11))
#define TVM_ENABLE_L2_PREFETCH 1
#else
#define TVM_ENABLE_L2_PREFETCH 0
#endif

#ifdef _WIN32
  using uint = unsigned int;
  using uchar = unsigned char;
  using ushort = unsigned short;
  using int64_t = long long;
  using uint64_t = unsigned long long;
#else
  #define uint unsigned int
  #define uchar unsigned char
  #define ushort unsigned short
#endif
extern "C" __global__ void __launch_bounds__(64) dq_kernel(int* __restrict__ CI_ptr, float* __restrict__ DELTA_ptr, float* __restrict__ DLSE_ptr, float* __restrict__ DO_ptr, float* __restrict__ DQ_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, float* __restrict__ K_ptr, float* __restrict__ LSE_ptr, float* __restrict__ O_ptr, int* __restrict__ ORD_ptr, float* __restrict__ Q_ptr, int64_t* __restrict__ RP_ptr, float* __restrict__ V_ptr, int* __restrict__ in_doc_ptr, int B, int DO_s0, int DO_s1, int DO_s2, int DQ_s0, int DQ_s1, int DQ_s2, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int O_s0, int O_s1, int O_s2, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v2, int cse_v76, float scale);
extern "C" __global__ void __launch_bounds__(64) dq_kernel(int* __restrict__ CI_ptr, float* __restrict__ DELTA_ptr, float* __restrict__ DLSE_ptr, float* __restrict__ DO_ptr, float* __restrict__ DQ_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, float* __restrict__ K_ptr, float* __restrict__ LSE_ptr, float* __restrict__ O_ptr, int* __restrict__ ORD_ptr, float* __restrict__ Q_ptr, int64_t* __restrict__ RP_ptr, float* __restrict__ V_ptr, int* __restrict__ in_doc_ptr, int B, int DO_s0, int DO_s1, int DO_s2, int DQ_s0, int DQ_s1, int DQ_s2, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int O_s0, int O_s1, int O_s2, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v2, int cse_v76, float scale) {
  alignas(64) float ST_ptr[2];
  alignas(64) float QR_ptr[64];
  alignas(64) float DOR_ptr[64];
  alignas(64) float DQR_ptr[64];
  __shared__ alignas(64) float KS_ptr[2048];
  __shared__ alignas(64) float VS_ptr[2048];
  alignas(64) float SR_ptr[32];
  alignas(64) float PR_ptr[32];
  int cse_v10 = (cse_v2 / 64);
  int n_qb = (cse_v2 / 64);
  int task = ORD_ptr[((int)blockIdx.x)];
  int cse_v78 = (task / (H * (cse_v2 / 64)));
  int b = (task / (H * (cse_v2 / 64)));
  int cse_v79 = ((task / (cse_v2 / 64)) % H);
  int h = ((task / (cse_v2 / 64)) % H);
  int cse_v77 = (task % (cse_v2 / 64));
  int qb = (task % (cse_v2 / 64));
  int cse_v80 = (((task / (cse_v2 / 64)) % H) / (H / Hk));
  int hk = (((task / (cse_v2 / 64)) % H) / (H / Hk));
  int cse_v81 = (((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x));
  int qi = (((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x));
  int cse_v82 = min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1));
  int qc = min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1));
  int cse_v83 = (((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H));
  int row = ((HC_ptr[(((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H))] * ((cse_v2 / 64) + 1)) + (task % (cse_v2 / 64)));
  int rbeg = ((int)RP_ptr[row]);
  int rend = ((int)RP_ptr[(row + 1)]);
  int cse_v84 = ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq);
  int cse_v88 = (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq));
  float condval;
  if ((LSE_ptr[(min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] * 0x1.71547652b82fep+0f/*1.442695e+00*/) == -CUDART_INF_F) {
    condval = CUDART_INF_F;
  } else {
    condval = (LSE_ptr[(min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] * 0x1.71547652b82fep+0f/*1.442695e+00*/);
  }
  ST_ptr[0] = condval;
  float condval_1;
  if (ST_ptr[0] == CUDART_INF_F) {
    condval_1 = 0x0p+0f/*0.000000e+00*/;
  } else {
    condval_1 = DLSE_ptr[(min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))];
  }
  ST_ptr[1] = (0x0p+0f/*0.000000e+00*/ - condval_1);
  int cse_v89 = ((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2));
  QR_ptr[0] = (Q_ptr[((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2))] * scale);
  int cse_v90 = ((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2));
  DOR_ptr[0] = DO_ptr[((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2))];
  int cse_v91 = ((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2));
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[0] * O_ptr[((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2))]));
  DQR_ptr[0] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[1] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 1)] * scale);
  DOR_ptr[1] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 1)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[1] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 1)]));
  DQR_ptr[1] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[2] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 2)] * scale);
  DOR_ptr[2] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 2)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[2] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 2)]));
  DQR_ptr[2] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[3] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 3)] * scale);
  DOR_ptr[3] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 3)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[3] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 3)]));
  DQR_ptr[3] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[4] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 4)] * scale);
  DOR_ptr[4] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 4)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[4] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 4)]));
  DQR_ptr[4] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[5] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 5)] * scale);
  DOR_ptr[5] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 5)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[5] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 5)]));
  DQR_ptr[5] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[6] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 6)] * scale);
  DOR_ptr[6] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 6)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[6] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 6)]));
  DQR_ptr[6] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[7] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 7)] * scale);
  DOR_ptr[7] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 7)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[7] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 7)]));
  DQR_ptr[7] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[8] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 8)] * scale);
  DOR_ptr[8] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 8)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[8] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 8)]));
  DQR_ptr[8] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[9] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 9)] * scale);
  DOR_ptr[9] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 9)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[9] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 9)]));
  DQR_ptr[9] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[10] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 10)] * scale);
  DOR_ptr[10] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 10)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[10] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 10)]));
  DQR_ptr[10] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[11] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 11)] * scale);
  DOR_ptr[11] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 11)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[11] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 11)]));
  DQR_ptr[11] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[12] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 12)] * scale);
  DOR_ptr[12] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 12)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[12] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 12)]));
  DQR_ptr[12] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[13] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 13)] * scale);
  DOR_ptr[13] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 13)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[13] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 13)]));
  DQR_ptr[13] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[14] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 14)] * scale);
  DOR_ptr[14] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 14)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[14] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 14)]));
  DQR_ptr[14] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[15] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 15)] * scale);
  DOR_ptr[15] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 15)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[15] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 15)]));
  DQR_ptr[15] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[16] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 16)] * scale);
  DOR_ptr[16] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 16)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[16] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 16)]));
  DQR_ptr[16] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[17] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 17)] * scale);
  DOR_ptr[17] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 17)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[17] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 17)]));
  DQR_ptr[17] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[18] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 18)] * scale);
  DOR_ptr[18] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 18)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[18] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 18)]));
  DQR_ptr[18] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[19] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 19)] * scale);
  DOR_ptr[19] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 19)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[19] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 19)]));
  DQR_ptr[19] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[20] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 20)] * scale);
  DOR_ptr[20] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 20)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[20] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 20)]));
  DQR_ptr[20] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[21] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 21)] * scale);
  DOR_ptr[21] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 21)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[21] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 21)]));
  DQR_ptr[21] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[22] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 22)] * scale);
  DOR_ptr[22] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 22)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[22] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 22)]));
  DQR_ptr[22] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[23] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 23)] * scale);
  DOR_ptr[23] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 23)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[23] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 23)]));
  DQR_ptr[23] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[24] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 24)] * scale);
  DOR_ptr[24] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 24)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[24] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 24)]));
  DQR_ptr[24] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[25] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 25)] * scale);
  DOR_ptr[25] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 25)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[25] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 25)]));
  DQR_ptr[25] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[26] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 26)] * scale);
  DOR_ptr[26] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 26)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[26] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 26)]));
  DQR_ptr[26] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[27] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 27)] * scale);
  DOR_ptr[27] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 27)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[27] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 27)]));
  DQR_ptr[27] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[28] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 28)] * scale);
  DOR_ptr[28] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 28)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[28] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 28)]));
  DQR_ptr[28] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[29] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 29)] * scale);
  DOR_ptr[29] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 29)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[29] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 29)]));
  DQR_ptr[29] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[30] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 30)] * scale);
  DOR_ptr[30] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 30)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[30] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 30)]));
  DQR_ptr[30] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[31] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 31)] * scale);
  DOR_ptr[31] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 31)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[31] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 31)]));
  DQR_ptr[31] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[32] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 32)] * scale);
  DOR_ptr[32] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 32)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[32] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 32)]));
  DQR_ptr[32] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[33] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 33)] * scale);
  DOR_ptr[33] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 33)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[33] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 33)]));
  DQR_ptr[33] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[34] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 34)] * scale);
  DOR_ptr[34] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 34)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[34] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 34)]));
  DQR_ptr[34] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[35] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 35)] * scale);
  DOR_ptr[35] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 35)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[35] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 35)]));
  DQR_ptr[35] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[36] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 36)] * scale);
  DOR_ptr[36] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 36)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[36] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 36)]));
  DQR_ptr[36] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[37] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 37)] * scale);
  DOR_ptr[37] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 37)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[37] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 37)]));
  DQR_ptr[37] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[38] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 38)] * scale);
  DOR_ptr[38] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 38)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[38] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 38)]));
  DQR_ptr[38] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[39] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 39)] * scale);
  DOR_ptr[39] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 39)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[39] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 39)]));
  DQR_ptr[39] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[40] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 40)] * scale);
  DOR_ptr[40] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 40)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[40] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 40)]));
  DQR_ptr[40] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[41] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 41)] * scale);
  DOR_ptr[41] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 41)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[41] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 41)]));
  DQR_ptr[41] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[42] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 42)] * scale);
  DOR_ptr[42] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 42)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[42] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 42)]));
  DQR_ptr[42] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[43] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 43)] * scale);
  DOR_ptr[43] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 43)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[43] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 43)]));
  DQR_ptr[43] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[44] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 44)] * scale);
  DOR_ptr[44] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 44)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[44] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 44)]));
  DQR_ptr[44] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[45] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 45)] * scale);
  DOR_ptr[45] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 45)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[45] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 45)]));
  DQR_ptr[45] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[46] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 46)] * scale);
  DOR_ptr[46] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 46)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[46] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 46)]));
  DQR_ptr[46] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[47] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 47)] * scale);
  DOR_ptr[47] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 47)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[47] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 47)]));
  DQR_ptr[47] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[48] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 48)] * scale);
  DOR_ptr[48] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 48)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[48] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 48)]));
  DQR_ptr[48] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[49] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 49)] * scale);
  DOR_ptr[49] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 49)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[49] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 49)]));
  DQR_ptr[49] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[50] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 50)] * scale);
  DOR_ptr[50] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 50)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[50] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 50)]));
  DQR_ptr[50] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[51] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 51)] * scale);
  DOR_ptr[51] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 51)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[51] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 51)]));
  DQR_ptr[51] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[52] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 52)] * scale);
  DOR_ptr[52] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 52)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[52] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 52)]));
  DQR_ptr[52] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[53] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 53)] * scale);
  DOR_ptr[53] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 53)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[53] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 53)]));
  DQR_ptr[53] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[54] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 54)] * scale);
  DOR_ptr[54] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 54)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[54] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 54)]));
  DQR_ptr[54] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[55] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 55)] * scale);
  DOR_ptr[55] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 55)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[55] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 55)]));
  DQR_ptr[55] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[56] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 56)] * scale);
  DOR_ptr[56] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 56)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[56] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 56)]));
  DQR_ptr[56] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[57] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 57)] * scale);
  DOR_ptr[57] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 57)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[57] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 57)]));
  DQR_ptr[57] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[58] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 58)] * scale);
  DOR_ptr[58] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 58)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[58] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 58)]));
  DQR_ptr[58] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[59] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 59)] * scale);
  DOR_ptr[59] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 59)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[59] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 59)]));
  DQR_ptr[59] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[60] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 60)] * scale);
  DOR_ptr[60] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 60)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[60] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 60)]));
  DQR_ptr[60] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[61] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 61)] * scale);
  DOR_ptr[61] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 61)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[61] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 61)]));
  DQR_ptr[61] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[62] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 62)] * scale);
  DOR_ptr[62] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 62)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[62] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 62)]));
  DQR_ptr[62] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[63] = (Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 63)] * scale);
  DOR_ptr[63] = DO_ptr[(((((task / (H * (cse_v2 / 64))) * DO_s0) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * DO_s2)) + 63)];
  ST_ptr[1] = (ST_ptr[1] + (DOR_ptr[63] * O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * O_s2)) + 63)]));
  DQR_ptr[63] = 0x0p+0f/*0.000000e+00*/;
  for (int j = 0; j < (rend - rbeg); ++j) {
    for (int c = 0; c < 2; ++c) {
      int cse_v3 = (j + rbeg);
      int kc = ((CI_ptr[(j + rbeg)] * 64) + (c * 32));
      __syncthreads();
      int cse_v5 = (Lk - 1);
      for (int e = 0; e < 32; ++e) {
        int kr = e;
        int kd = ((int)threadIdx.x);
        int cse_v4 = (kc + e);
        int cse_v11 = min((kc + e), (Lk - 1));
        int cse_v12 = ((e * 64) + ((int)threadIdx.x));
        float condval_2;
        if ((kc + e) < Lk) {
          condval_2 = K_ptr[(((((task / (H * (cse_v2 / 64))) * K_s0) + ((((task / (cse_v2 / 64)) % H) / (H / Hk)) * K_s1)) + (min((kc + e), (Lk - 1)) * K_s2)) + ((int)threadIdx.x))];
        } else {
          condval_2 = 0x0p+0f/*0.000000e+00*/;
        }
        KS_ptr[((e * 64) + ((int)threadIdx.x))] = condval_2;
        float condval_3;
        if ((kc + e) < Lk) {
          condval_3 = V_ptr[(((((task / (H * (cse_v2 / 64))) * V_s0) + ((((task / (cse_v2 / 64)) % H) / (H / Hk)) * V_s1)) + (min((kc + e), (Lk - 1)) * V_s2)) + ((int)threadIdx.x))];
        } else {
          condval_3 = 0x0p+0f/*0.000000e+00*/;
        }
        VS_ptr[((e * 64) + ((int)threadIdx.x))] = condval_3;
      }
      __syncthreads();
      for (int r = 0; r < 32; ++r) {
        SR_ptr[r] = 0x0p+0f/*0.000000e+00*/;
        PR_ptr[r] = 0x0p+0f/*0.000000e+00*/;
        int cse_v6 = (r * 64);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[0] * KS_ptr[(r * 64)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[0] * VS_ptr[(r * 64)]));
        int cse_v13 = ((r * 64) + 1);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[1] * KS_ptr[((r * 64) + 1)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[1] * VS_ptr[((r * 64) + 1)]));
        int cse_v14 = ((r * 64) + 2);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[2] * KS_ptr[((r * 64) + 2)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[2] * VS_ptr[((r * 64) + 2)]));
        int cse_v15 = ((r * 64) + 3);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[3] * KS_ptr[((r * 64) + 3)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[3] * VS_ptr[((r * 64) + 3)]));
        int cse_v16 = ((r * 64) + 4);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[4] * KS_ptr[((r * 64) + 4)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[4] * VS_ptr[((r * 64) + 4)]));
        int cse_v17 = ((r * 64) + 5);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[5] * KS_ptr[((r * 64) + 5)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[5] * VS_ptr[((r * 64) + 5)]));
        int cse_v18 = ((r * 64) + 6);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[6] * KS_ptr[((r * 64) + 6)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[6] * VS_ptr[((r * 64) + 6)]));
        int cse_v19 = ((r * 64) + 7);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[7] * KS_ptr[((r * 64) + 7)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[7] * VS_ptr[((r * 64) + 7)]));
        int cse_v20 = ((r * 64) + 8);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[8] * KS_ptr[((r * 64) + 8)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[8] * VS_ptr[((r * 64) + 8)]));
        int cse_v21 = ((r * 64) + 9);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[9] * KS_ptr[((r * 64) + 9)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[9] * VS_ptr[((r * 64) + 9)]));
        int cse_v22 = ((r * 64) + 10);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[10] * KS_ptr[((r * 64) + 10)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[10] * VS_ptr[((r * 64) + 10)]));
        int cse_v23 = ((r * 64) + 11);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[11] * KS_ptr[((r * 64) + 11)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[11] * VS_ptr[((r * 64) + 11)]));
        int cse_v24 = ((r * 64) + 12);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[12] * KS_ptr[((r * 64) + 12)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[12] * VS_ptr[((r * 64) + 12)]));
        int cse_v25 = ((r * 64) + 13);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[13] * KS_ptr[((r * 64) + 13)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[13] * VS_ptr[((r * 64) + 13)]));
        int cse_v26 = ((r * 64) + 14);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[14] * KS_ptr[((r * 64) + 14)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[14] * VS_ptr[((r * 64) + 14)]));
        int cse_v27 = ((r * 64) + 15);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[15] * KS_ptr[((r * 64) + 15)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[15] * VS_ptr[((r * 64) + 15)]));
        int cse_v28 = ((r * 64) + 16);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[16] * KS_ptr[((r * 64) + 16)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[16] * VS_ptr[((r * 64) + 16)]));
        int cse_v29 = ((r * 64) + 17);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[17] * KS_ptr[((r * 64) + 17)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[17] * VS_ptr[((r * 64) + 17)]));
        int cse_v30 = ((r * 64) + 18);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[18] * KS_ptr[((r * 64) + 18)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[18] * VS_ptr[((r * 64) + 18)]));
        int cse_v31 = ((r * 64) + 19);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[19] * KS_ptr[((r * 64) + 19)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[19] * VS_ptr[((r * 64) + 19)]));
        int cse_v32 = ((r * 64) + 20);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[20] * KS_ptr[((r * 64) + 20)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[20] * VS_ptr[((r * 64) + 20)]));
        int cse_v33 = ((r * 64) + 21);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[21] * KS_ptr[((r * 64) + 21)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[21] * VS_ptr[((r * 64) + 21)]));
        int cse_v34 = ((r * 64) + 22);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[22] * KS_ptr[((r * 64) + 22)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[22] * VS_ptr[((r * 64) + 22)]));
        int cse_v35 = ((r * 64) + 23);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[23] * KS_ptr[((r * 64) + 23)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[23] * VS_ptr[((r * 64) + 23)]));
        int cse_v36 = ((r * 64) + 24);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[24] * KS_ptr[((r * 64) + 24)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[24] * VS_ptr[((r * 64) + 24)]));
        int cse_v37 = ((r * 64) + 25);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[25] * KS_ptr[((r * 64) + 25)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[25] * VS_ptr[((r * 64) + 25)]));
        int cse_v38 = ((r * 64) + 26);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[26] * KS_ptr[((r * 64) + 26)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[26] * VS_ptr[((r * 64) + 26)]));
        int cse_v39 = ((r * 64) + 27);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[27] * KS_ptr[((r * 64) + 27)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[27] * VS_ptr[((r * 64) + 27)]));
        int cse_v40 = ((r * 64) + 28);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[28] * KS_ptr[((r * 64) + 28)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[28] * VS_ptr[((r * 64) + 28)]));
        int cse_v41 = ((r * 64) + 29);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[29] * KS_ptr[((r * 64) + 29)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[29] * VS_ptr[((r * 64) + 29)]));
        int cse_v42 = ((r * 64) + 30);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[30] * KS_ptr[((r * 64) + 30)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[30] * VS_ptr[((r * 64) + 30)]));
        int cse_v43 = ((r * 64) + 31);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[31] * KS_ptr[((r * 64) + 31)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[31] * VS_ptr[((r * 64) + 31)]));
        int cse_v44 = ((r * 64) + 32);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[32] * KS_ptr[((r * 64) + 32)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[32] * VS_ptr[((r * 64) + 32)]));
        int cse_v45 = ((r * 64) + 33);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[33] * KS_ptr[((r * 64) + 33)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[33] * VS_ptr[((r * 64) + 33)]));
        int cse_v46 = ((r * 64) + 34);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[34] * KS_ptr[((r * 64) + 34)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[34] * VS_ptr[((r * 64) + 34)]));
        int cse_v47 = ((r * 64) + 35);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[35] * KS_ptr[((r * 64) + 35)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[35] * VS_ptr[((r * 64) + 35)]));
        int cse_v48 = ((r * 64) + 36);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[36] * KS_ptr[((r * 64) + 36)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[36] * VS_ptr[((r * 64) + 36)]));
        int cse_v49 = ((r * 64) + 37);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[37] * KS_ptr[((r * 64) + 37)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[37] * VS_ptr[((r * 64) + 37)]));
        int cse_v50 = ((r * 64) + 38);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[38] * KS_ptr[((r * 64) + 38)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[38] * VS_ptr[((r * 64) + 38)]));
        int cse_v51 = ((r * 64) + 39);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[39] * KS_ptr[((r * 64) + 39)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[39] * VS_ptr[((r * 64) + 39)]));
        int cse_v52 = ((r * 64) + 40);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[40] * KS_ptr[((r * 64) + 40)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[40] * VS_ptr[((r * 64) + 40)]));
        int cse_v53 = ((r * 64) + 41);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[41] * KS_ptr[((r * 64) + 41)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[41] * VS_ptr[((r * 64) + 41)]));
        int cse_v54 = ((r * 64) + 42);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[42] * KS_ptr[((r * 64) + 42)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[42] * VS_ptr[((r * 64) + 42)]));
        int cse_v55 = ((r * 64) + 43);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[43] * KS_ptr[((r * 64) + 43)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[43] * VS_ptr[((r * 64) + 43)]));
        int cse_v56 = ((r * 64) + 44);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[44] * KS_ptr[((r * 64) + 44)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[44] * VS_ptr[((r * 64) + 44)]));
        int cse_v57 = ((r * 64) + 45);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[45] * KS_ptr[((r * 64) + 45)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[45] * VS_ptr[((r * 64) + 45)]));
        int cse_v58 = ((r * 64) + 46);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[46] * KS_ptr[((r * 64) + 46)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[46] * VS_ptr[((r * 64) + 46)]));
        int cse_v59 = ((r * 64) + 47);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[47] * KS_ptr[((r * 64) + 47)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[47] * VS_ptr[((r * 64) + 47)]));
        int cse_v60 = ((r * 64) + 48);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[48] * KS_ptr[((r * 64) + 48)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[48] * VS_ptr[((r * 64) + 48)]));
        int cse_v61 = ((r * 64) + 49);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[49] * KS_ptr[((r * 64) + 49)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[49] * VS_ptr[((r * 64) + 49)]));
        int cse_v62 = ((r * 64) + 50);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[50] * KS_ptr[((r * 64) + 50)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[50] * VS_ptr[((r * 64) + 50)]));
        int cse_v63 = ((r * 64) + 51);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[51] * KS_ptr[((r * 64) + 51)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[51] * VS_ptr[((r * 64) + 51)]));
        int cse_v64 = ((r * 64) + 52);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[52] * KS_ptr[((r * 64) + 52)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[52] * VS_ptr[((r * 64) + 52)]));
        int cse_v65 = ((r * 64) + 53);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[53] * KS_ptr[((r * 64) + 53)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[53] * VS_ptr[((r * 64) + 53)]));
        int cse_v66 = ((r * 64) + 54);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[54] * KS_ptr[((r * 64) + 54)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[54] * VS_ptr[((r * 64) + 54)]));
        int cse_v67 = ((r * 64) + 55);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[55] * KS_ptr[((r * 64) + 55)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[55] * VS_ptr[((r * 64) + 55)]));
        int cse_v68 = ((r * 64) + 56);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[56] * KS_ptr[((r * 64) + 56)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[56] * VS_ptr[((r * 64) + 56)]));
        int cse_v69 = ((r * 64) + 57);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[57] * KS_ptr[((r * 64) + 57)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[57] * VS_ptr[((r * 64) + 57)]));
        int cse_v70 = ((r * 64) + 58);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[58] * KS_ptr[((r * 64) + 58)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[58] * VS_ptr[((r * 64) + 58)]));
        int cse_v71 = ((r * 64) + 59);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[59] * KS_ptr[((r * 64) + 59)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[59] * VS_ptr[((r * 64) + 59)]));
        int cse_v72 = ((r * 64) + 60);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[60] * KS_ptr[((r * 64) + 60)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[60] * VS_ptr[((r * 64) + 60)]));
        int cse_v73 = ((r * 64) + 61);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[61] * KS_ptr[((r * 64) + 61)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[61] * VS_ptr[((r * 64) + 61)]));
        int cse_v74 = ((r * 64) + 62);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[62] * KS_ptr[((r * 64) + 62)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[62] * VS_ptr[((r * 64) + 62)]));
        int cse_v75 = ((r * 64) + 63);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[63] * KS_ptr[((r * 64) + 63)]));
        PR_ptr[r] = (PR_ptr[r] + (DOR_ptr[63] * VS_ptr[((r * 64) + 63)]));
      }
      if (FL_ptr[(j + rbeg)] == (uchar)0) {
        for (int r_1 = 0; r_1 < 32; ++r_1) {
          int cse_v7 = (kc + r_1);
          int cse_v85 = (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk);
          int cse_v86 = (max(min((task / (H * (cse_v2 / 64))), (B - 1)), 0) * Lk);
          int cse_v92 = ((min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk) - Lq);
          float condval_4;
          if (((((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) < Lq) && ((kc + r_1) < Lk)) && (((kc + r_1) <= ((min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk) - Lq)) || (Lk <= (((min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk) + 1) - Lq)))) && (in_doc_ptr[(max(min(((min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk) - Lq), (Lk - 1)), 0) + (max(min((task / (H * (cse_v2 / 64))), (B - 1)), 0) * Lk))] == in_doc_ptr[(max(min((kc + r_1), (Lk - 1)), 0) + (max(min((task / (H * (cse_v2 / 64))), (B - 1)), 0) * Lk))])) {
            condval_4 = (exp2f(((SR_ptr[r_1] * 0x1.71547652b82fep+0f/*1.442695e+00*/) - ST_ptr[0])) * (PR_ptr[r_1] - ST_ptr[1]));
          } else {
            condval_4 = 0x0p+0f/*0.000000e+00*/;
          }
          SR_ptr[r_1] = condval_4;
        }
      } else {
        if (Lk < (kc + 32)) {
          for (int r_2 = 0; r_2 < 32; ++r_2) {
            float condval_5;
            if (((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) < Lq) && ((kc + r_2) < Lk)) {
              condval_5 = (exp2f(((SR_ptr[r_2] * 0x1.71547652b82fep+0f/*1.442695e+00*/) - ST_ptr[0])) * (PR_ptr[r_2] - ST_ptr[1]));
            } else {
              condval_5 = 0x0p+0f/*0.000000e+00*/;
            }
            SR_ptr[r_2] = condval_5;
          }
        } else {
          for (int r_3 = 0; r_3 < 32; ++r_3) {
            SR_ptr[r_3] = (exp2f(((SR_ptr[r_3] * 0x1.71547652b82fep+0f/*1.442695e+00*/) - ST_ptr[0])) * (PR_ptr[r_3] - ST_ptr[1]));
          }
        }
      }
      for (int r_4 = 0; r_4 < 32; ++r_4) {
        int cse_v8 = (r_4 * 64);
        DQR_ptr[0] = (DQR_ptr[0] + (SR_ptr[r_4] * KS_ptr[(r_4 * 64)]));
        DQR_ptr[1] = (DQR_ptr[1] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 1)]));
        DQR_ptr[2] = (DQR_ptr[2] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 2)]));
        DQR_ptr[3] = (DQR_ptr[3] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 3)]));
        DQR_ptr[4] = (DQR_ptr[4] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 4)]));
        DQR_ptr[5] = (DQR_ptr[5] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 5)]));
        DQR_ptr[6] = (DQR_ptr[6] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 6)]));
        DQR_ptr[7] = (DQR_ptr[7] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 7)]));
        DQR_ptr[8] = (DQR_ptr[8] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 8)]));
        DQR_ptr[9] = (DQR_ptr[9] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 9)]));
        DQR_ptr[10] = (DQR_ptr[10] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 10)]));
        DQR_ptr[11] = (DQR_ptr[11] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 11)]));
        DQR_ptr[12] = (DQR_ptr[12] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 12)]));
        DQR_ptr[13] = (DQR_ptr[13] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 13)]));
        DQR_ptr[14] = (DQR_ptr[14] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 14)]));
        DQR_ptr[15] = (DQR_ptr[15] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 15)]));
        DQR_ptr[16] = (DQR_ptr[16] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 16)]));
        DQR_ptr[17] = (DQR_ptr[17] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 17)]));
        DQR_ptr[18] = (DQR_ptr[18] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 18)]));
        DQR_ptr[19] = (DQR_ptr[19] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 19)]));
        DQR_ptr[20] = (DQR_ptr[20] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 20)]));
        DQR_ptr[21] = (DQR_ptr[21] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 21)]));
        DQR_ptr[22] = (DQR_ptr[22] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 22)]));
        DQR_ptr[23] = (DQR_ptr[23] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 23)]));
        DQR_ptr[24] = (DQR_ptr[24] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 24)]));
        DQR_ptr[25] = (DQR_ptr[25] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 25)]));
        DQR_ptr[26] = (DQR_ptr[26] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 26)]));
        DQR_ptr[27] = (DQR_ptr[27] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 27)]));
        DQR_ptr[28] = (DQR_ptr[28] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 28)]));
        DQR_ptr[29] = (DQR_ptr[29] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 29)]));
        DQR_ptr[30] = (DQR_ptr[30] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 30)]));
        DQR_ptr[31] = (DQR_ptr[31] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 31)]));
        DQR_ptr[32] = (DQR_ptr[32] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 32)]));
        DQR_ptr[33] = (DQR_ptr[33] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 33)]));
        DQR_ptr[34] = (DQR_ptr[34] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 34)]));
        DQR_ptr[35] = (DQR_ptr[35] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 35)]));
        DQR_ptr[36] = (DQR_ptr[36] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 36)]));
        DQR_ptr[37] = (DQR_ptr[37] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 37)]));
        DQR_ptr[38] = (DQR_ptr[38] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 38)]));
        DQR_ptr[39] = (DQR_ptr[39] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 39)]));
        DQR_ptr[40] = (DQR_ptr[40] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 40)]));
        DQR_ptr[41] = (DQR_ptr[41] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 41)]));
        DQR_ptr[42] = (DQR_ptr[42] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 42)]));
        DQR_ptr[43] = (DQR_ptr[43] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 43)]));
        DQR_ptr[44] = (DQR_ptr[44] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 44)]));
        DQR_ptr[45] = (DQR_ptr[45] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 45)]));
        DQR_ptr[46] = (DQR_ptr[46] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 46)]));
        DQR_ptr[47] = (DQR_ptr[47] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 47)]));
        DQR_ptr[48] = (DQR_ptr[48] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 48)]));
        DQR_ptr[49] = (DQR_ptr[49] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 49)]));
        DQR_ptr[50] = (DQR_ptr[50] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 50)]));
        DQR_ptr[51] = (DQR_ptr[51] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 51)]));
        DQR_ptr[52] = (DQR_ptr[52] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 52)]));
        DQR_ptr[53] = (DQR_ptr[53] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 53)]));
        DQR_ptr[54] = (DQR_ptr[54] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 54)]));
        DQR_ptr[55] = (DQR_ptr[55] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 55)]));
        DQR_ptr[56] = (DQR_ptr[56] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 56)]));
        DQR_ptr[57] = (DQR_ptr[57] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 57)]));
        DQR_ptr[58] = (DQR_ptr[58] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 58)]));
        DQR_ptr[59] = (DQR_ptr[59] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 59)]));
        DQR_ptr[60] = (DQR_ptr[60] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 60)]));
        DQR_ptr[61] = (DQR_ptr[61] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 61)]));
        DQR_ptr[62] = (DQR_ptr[62] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 62)]));
        DQR_ptr[63] = (DQR_ptr[63] + (SR_ptr[r_4] * KS_ptr[((r_4 * 64) + 63)]));
      }
    }
  }
  if ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) < Lq) {
    DELTA_ptr[((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] = ST_ptr[1];
    int cse_v87 = ((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2));
    DQ_ptr[((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2))] = (DQR_ptr[0] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 1)] = (DQR_ptr[1] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 2)] = (DQR_ptr[2] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 3)] = (DQR_ptr[3] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 4)] = (DQR_ptr[4] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 5)] = (DQR_ptr[5] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 6)] = (DQR_ptr[6] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 7)] = (DQR_ptr[7] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 8)] = (DQR_ptr[8] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 9)] = (DQR_ptr[9] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 10)] = (DQR_ptr[10] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 11)] = (DQR_ptr[11] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 12)] = (DQR_ptr[12] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 13)] = (DQR_ptr[13] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 14)] = (DQR_ptr[14] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 15)] = (DQR_ptr[15] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 16)] = (DQR_ptr[16] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 17)] = (DQR_ptr[17] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 18)] = (DQR_ptr[18] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 19)] = (DQR_ptr[19] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 20)] = (DQR_ptr[20] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 21)] = (DQR_ptr[21] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 22)] = (DQR_ptr[22] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 23)] = (DQR_ptr[23] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 24)] = (DQR_ptr[24] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 25)] = (DQR_ptr[25] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 26)] = (DQR_ptr[26] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 27)] = (DQR_ptr[27] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 28)] = (DQR_ptr[28] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 29)] = (DQR_ptr[29] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 30)] = (DQR_ptr[30] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 31)] = (DQR_ptr[31] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 32)] = (DQR_ptr[32] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 33)] = (DQR_ptr[33] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 34)] = (DQR_ptr[34] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 35)] = (DQR_ptr[35] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 36)] = (DQR_ptr[36] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 37)] = (DQR_ptr[37] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 38)] = (DQR_ptr[38] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 39)] = (DQR_ptr[39] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 40)] = (DQR_ptr[40] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 41)] = (DQR_ptr[41] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 42)] = (DQR_ptr[42] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 43)] = (DQR_ptr[43] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 44)] = (DQR_ptr[44] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 45)] = (DQR_ptr[45] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 46)] = (DQR_ptr[46] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 47)] = (DQR_ptr[47] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 48)] = (DQR_ptr[48] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 49)] = (DQR_ptr[49] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 50)] = (DQR_ptr[50] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 51)] = (DQR_ptr[51] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 52)] = (DQR_ptr[52] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 53)] = (DQR_ptr[53] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 54)] = (DQR_ptr[54] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 55)] = (DQR_ptr[55] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 56)] = (DQR_ptr[56] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 57)] = (DQR_ptr[57] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 58)] = (DQR_ptr[58] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 59)] = (DQR_ptr[59] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 60)] = (DQR_ptr[60] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 61)] = (DQR_ptr[61] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 62)] = (DQR_ptr[62] * scale);
    DQ_ptr[(((((task / (H * (cse_v2 / 64))) * DQ_s0) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * DQ_s2)) + 63)] = (DQR_ptr[63] * scale);
  }
}

