
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
extern "C" __global__ void __launch_bounds__(64) forward_kernel(int* __restrict__ CI_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, float* __restrict__ K_ptr, float* __restrict__ LSE_ptr, float* __restrict__ O_ptr, int* __restrict__ ORD_ptr, float* __restrict__ Q_ptr, int64_t* __restrict__ RP_ptr, float* __restrict__ V_ptr, int* __restrict__ in_doc_ptr, int B, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int O_s0, int O_s1, int O_s2, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v12, int cse_v2, float scale);
extern "C" __global__ void __launch_bounds__(64) forward_kernel(int* __restrict__ CI_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, float* __restrict__ K_ptr, float* __restrict__ LSE_ptr, float* __restrict__ O_ptr, int* __restrict__ ORD_ptr, float* __restrict__ Q_ptr, int64_t* __restrict__ RP_ptr, float* __restrict__ V_ptr, int* __restrict__ in_doc_ptr, int B, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int O_s0, int O_s1, int O_s2, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v12, int cse_v2, float scale) {
  alignas(64) float QR_ptr[64];
  alignas(64) float OR_ptr[64];
  alignas(64) float ST_ptr[4];
  __shared__ alignas(64) float KS_ptr[2048];
  __shared__ alignas(64) float VS_ptr[2048];
  alignas(64) float SR_ptr[32];
  int cse_v9 = (cse_v2 / 64);
  int n_qb = (cse_v2 / 64);
  int task = ORD_ptr[((int)blockIdx.x)];
  int cse_v14 = (task / (H * (cse_v2 / 64)));
  int b = (task / (H * (cse_v2 / 64)));
  int cse_v15 = ((task / (cse_v2 / 64)) % H);
  int h = ((task / (cse_v2 / 64)) % H);
  int cse_v13 = (task % (cse_v2 / 64));
  int qb = (task % (cse_v2 / 64));
  int cse_v16 = (((task / (cse_v2 / 64)) % H) / (H / Hk));
  int hk = (((task / (cse_v2 / 64)) % H) / (H / Hk));
  int cse_v17 = (((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x));
  int qi = (((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x));
  int cse_v18 = (((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H));
  int row = ((HC_ptr[(((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H))] * ((cse_v2 / 64) + 1)) + (task % (cse_v2 / 64)));
  int rbeg = ((int)RP_ptr[row]);
  int rend = ((int)RP_ptr[(row + 1)]);
  int cse_v19 = min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1));
  int cse_v23 = ((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2));
  QR_ptr[0] = Q_ptr[((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2))];
  OR_ptr[0] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[1] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 1)];
  OR_ptr[1] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[2] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 2)];
  OR_ptr[2] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[3] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 3)];
  OR_ptr[3] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[4] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 4)];
  OR_ptr[4] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[5] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 5)];
  OR_ptr[5] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[6] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 6)];
  OR_ptr[6] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[7] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 7)];
  OR_ptr[7] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[8] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 8)];
  OR_ptr[8] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[9] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 9)];
  OR_ptr[9] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[10] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 10)];
  OR_ptr[10] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[11] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 11)];
  OR_ptr[11] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[12] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 12)];
  OR_ptr[12] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[13] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 13)];
  OR_ptr[13] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[14] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 14)];
  OR_ptr[14] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[15] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 15)];
  OR_ptr[15] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[16] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 16)];
  OR_ptr[16] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[17] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 17)];
  OR_ptr[17] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[18] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 18)];
  OR_ptr[18] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[19] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 19)];
  OR_ptr[19] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[20] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 20)];
  OR_ptr[20] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[21] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 21)];
  OR_ptr[21] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[22] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 22)];
  OR_ptr[22] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[23] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 23)];
  OR_ptr[23] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[24] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 24)];
  OR_ptr[24] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[25] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 25)];
  OR_ptr[25] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[26] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 26)];
  OR_ptr[26] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[27] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 27)];
  OR_ptr[27] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[28] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 28)];
  OR_ptr[28] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[29] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 29)];
  OR_ptr[29] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[30] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 30)];
  OR_ptr[30] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[31] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 31)];
  OR_ptr[31] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[32] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 32)];
  OR_ptr[32] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[33] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 33)];
  OR_ptr[33] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[34] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 34)];
  OR_ptr[34] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[35] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 35)];
  OR_ptr[35] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[36] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 36)];
  OR_ptr[36] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[37] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 37)];
  OR_ptr[37] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[38] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 38)];
  OR_ptr[38] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[39] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 39)];
  OR_ptr[39] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[40] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 40)];
  OR_ptr[40] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[41] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 41)];
  OR_ptr[41] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[42] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 42)];
  OR_ptr[42] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[43] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 43)];
  OR_ptr[43] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[44] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 44)];
  OR_ptr[44] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[45] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 45)];
  OR_ptr[45] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[46] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 46)];
  OR_ptr[46] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[47] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 47)];
  OR_ptr[47] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[48] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 48)];
  OR_ptr[48] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[49] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 49)];
  OR_ptr[49] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[50] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 50)];
  OR_ptr[50] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[51] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 51)];
  OR_ptr[51] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[52] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 52)];
  OR_ptr[52] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[53] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 53)];
  OR_ptr[53] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[54] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 54)];
  OR_ptr[54] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[55] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 55)];
  OR_ptr[55] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[56] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 56)];
  OR_ptr[56] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[57] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 57)];
  OR_ptr[57] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[58] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 58)];
  OR_ptr[58] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[59] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 59)];
  OR_ptr[59] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[60] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 60)];
  OR_ptr[60] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[61] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 61)];
  OR_ptr[61] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[62] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 62)];
  OR_ptr[62] = 0x0p+0f/*0.000000e+00*/;
  QR_ptr[63] = Q_ptr[(((((task / (H * (cse_v2 / 64))) * Q_s0) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) * Q_s2)) + 63)];
  OR_ptr[63] = 0x0p+0f/*0.000000e+00*/;
  ST_ptr[0] = -CUDART_INF_F;
  ST_ptr[1] = 0x0p+0f/*0.000000e+00*/;
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
        int cse_v10 = min((kc + e), (Lk - 1));
        int cse_v11 = ((e * 64) + ((int)threadIdx.x));
        float condval;
        if ((kc + e) < Lk) {
          condval = K_ptr[(((((task / (H * (cse_v2 / 64))) * K_s0) + ((((task / (cse_v2 / 64)) % H) / (H / Hk)) * K_s1)) + (min((kc + e), (Lk - 1)) * K_s2)) + ((int)threadIdx.x))];
        } else {
          condval = 0x0p+0f/*0.000000e+00*/;
        }
        KS_ptr[((e * 64) + ((int)threadIdx.x))] = condval;
        float condval_1;
        if ((kc + e) < Lk) {
          condval_1 = V_ptr[(((((task / (H * (cse_v2 / 64))) * V_s0) + ((((task / (cse_v2 / 64)) % H) / (H / Hk)) * V_s1)) + (min((kc + e), (Lk - 1)) * V_s2)) + ((int)threadIdx.x))];
        } else {
          condval_1 = 0x0p+0f/*0.000000e+00*/;
        }
        VS_ptr[((e * 64) + ((int)threadIdx.x))] = condval_1;
      }
      __syncthreads();
      for (int r = 0; r < 32; ++r) {
        SR_ptr[r] = 0x0p+0f/*0.000000e+00*/;
        int cse_v6 = (r * 64);
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[0] * KS_ptr[(r * 64)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[1] * KS_ptr[((r * 64) + 1)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[2] * KS_ptr[((r * 64) + 2)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[3] * KS_ptr[((r * 64) + 3)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[4] * KS_ptr[((r * 64) + 4)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[5] * KS_ptr[((r * 64) + 5)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[6] * KS_ptr[((r * 64) + 6)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[7] * KS_ptr[((r * 64) + 7)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[8] * KS_ptr[((r * 64) + 8)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[9] * KS_ptr[((r * 64) + 9)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[10] * KS_ptr[((r * 64) + 10)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[11] * KS_ptr[((r * 64) + 11)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[12] * KS_ptr[((r * 64) + 12)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[13] * KS_ptr[((r * 64) + 13)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[14] * KS_ptr[((r * 64) + 14)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[15] * KS_ptr[((r * 64) + 15)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[16] * KS_ptr[((r * 64) + 16)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[17] * KS_ptr[((r * 64) + 17)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[18] * KS_ptr[((r * 64) + 18)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[19] * KS_ptr[((r * 64) + 19)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[20] * KS_ptr[((r * 64) + 20)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[21] * KS_ptr[((r * 64) + 21)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[22] * KS_ptr[((r * 64) + 22)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[23] * KS_ptr[((r * 64) + 23)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[24] * KS_ptr[((r * 64) + 24)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[25] * KS_ptr[((r * 64) + 25)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[26] * KS_ptr[((r * 64) + 26)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[27] * KS_ptr[((r * 64) + 27)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[28] * KS_ptr[((r * 64) + 28)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[29] * KS_ptr[((r * 64) + 29)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[30] * KS_ptr[((r * 64) + 30)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[31] * KS_ptr[((r * 64) + 31)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[32] * KS_ptr[((r * 64) + 32)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[33] * KS_ptr[((r * 64) + 33)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[34] * KS_ptr[((r * 64) + 34)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[35] * KS_ptr[((r * 64) + 35)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[36] * KS_ptr[((r * 64) + 36)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[37] * KS_ptr[((r * 64) + 37)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[38] * KS_ptr[((r * 64) + 38)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[39] * KS_ptr[((r * 64) + 39)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[40] * KS_ptr[((r * 64) + 40)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[41] * KS_ptr[((r * 64) + 41)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[42] * KS_ptr[((r * 64) + 42)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[43] * KS_ptr[((r * 64) + 43)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[44] * KS_ptr[((r * 64) + 44)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[45] * KS_ptr[((r * 64) + 45)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[46] * KS_ptr[((r * 64) + 46)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[47] * KS_ptr[((r * 64) + 47)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[48] * KS_ptr[((r * 64) + 48)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[49] * KS_ptr[((r * 64) + 49)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[50] * KS_ptr[((r * 64) + 50)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[51] * KS_ptr[((r * 64) + 51)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[52] * KS_ptr[((r * 64) + 52)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[53] * KS_ptr[((r * 64) + 53)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[54] * KS_ptr[((r * 64) + 54)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[55] * KS_ptr[((r * 64) + 55)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[56] * KS_ptr[((r * 64) + 56)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[57] * KS_ptr[((r * 64) + 57)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[58] * KS_ptr[((r * 64) + 58)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[59] * KS_ptr[((r * 64) + 59)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[60] * KS_ptr[((r * 64) + 60)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[61] * KS_ptr[((r * 64) + 61)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[62] * KS_ptr[((r * 64) + 62)]));
        SR_ptr[r] = (SR_ptr[r] + (QR_ptr[63] * KS_ptr[((r * 64) + 63)]));
      }
      if (FL_ptr[(j + rbeg)] == (uchar)0) {
        for (int r_1 = 0; r_1 < 32; ++r_1) {
          int cse_v7 = (kc + r_1);
          int cse_v20 = (min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk);
          int cse_v21 = (max(min((task / (H * (cse_v2 / 64))), (B - 1)), 0) * Lk);
          int cse_v24 = ((min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk) - Lq);
          float condval_2;
          if ((((kc + r_1) < Lk) && (((kc + r_1) <= ((min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk) - Lq)) || (Lk <= (((min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk) + 1) - Lq)))) && (in_doc_ptr[(max(min(((min((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)), (Lq - 1)) + Lk) - Lq), (Lk - 1)), 0) + (max(min((task / (H * (cse_v2 / 64))), (B - 1)), 0) * Lk))] == in_doc_ptr[(max(min((kc + r_1), (Lk - 1)), 0) + (max(min((task / (H * (cse_v2 / 64))), (B - 1)), 0) * Lk))])) {
            condval_2 = ((SR_ptr[r_1] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/);
          } else {
            condval_2 = -CUDART_INF_F;
          }
          SR_ptr[r_1] = condval_2;
        }
      } else {
        if (Lk < (kc + 32)) {
          for (int r_2 = 0; r_2 < 32; ++r_2) {
            float condval_3;
            if ((kc + r_2) < Lk) {
              condval_3 = ((SR_ptr[r_2] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/);
            } else {
              condval_3 = -CUDART_INF_F;
            }
            SR_ptr[r_2] = condval_3;
          }
        } else {
          for (int r_3 = 0; r_3 < 32; ++r_3) {
            SR_ptr[r_3] = ((SR_ptr[r_3] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/);
          }
        }
      }
      ST_ptr[2] = ST_ptr[0];
      for (int r_4 = 0; r_4 < 32; ++r_4) {
        ST_ptr[2] = max(ST_ptr[2], SR_ptr[r_4]);
      }
      float condval_4;
      if (ST_ptr[2] == -CUDART_INF_F) {
        condval_4 = 0x0p+0f/*0.000000e+00*/;
      } else {
        condval_4 = ST_ptr[2];
      }
      ST_ptr[3] = exp2f((ST_ptr[0] - condval_4));
      ST_ptr[0] = ST_ptr[2];
      float condval_5;
      if (ST_ptr[2] == -CUDART_INF_F) {
        condval_5 = 0x0p+0f/*0.000000e+00*/;
      } else {
        condval_5 = ST_ptr[2];
      }
      ST_ptr[2] = condval_5;
      for (int r_5 = 0; r_5 < 32; ++r_5) {
        SR_ptr[r_5] = exp2f((SR_ptr[r_5] - ST_ptr[2]));
      }
      OR_ptr[0] = (OR_ptr[0] * ST_ptr[3]);
      OR_ptr[1] = (OR_ptr[1] * ST_ptr[3]);
      OR_ptr[2] = (OR_ptr[2] * ST_ptr[3]);
      OR_ptr[3] = (OR_ptr[3] * ST_ptr[3]);
      OR_ptr[4] = (OR_ptr[4] * ST_ptr[3]);
      OR_ptr[5] = (OR_ptr[5] * ST_ptr[3]);
      OR_ptr[6] = (OR_ptr[6] * ST_ptr[3]);
      OR_ptr[7] = (OR_ptr[7] * ST_ptr[3]);
      OR_ptr[8] = (OR_ptr[8] * ST_ptr[3]);
      OR_ptr[9] = (OR_ptr[9] * ST_ptr[3]);
      OR_ptr[10] = (OR_ptr[10] * ST_ptr[3]);
      OR_ptr[11] = (OR_ptr[11] * ST_ptr[3]);
      OR_ptr[12] = (OR_ptr[12] * ST_ptr[3]);
      OR_ptr[13] = (OR_ptr[13] * ST_ptr[3]);
      OR_ptr[14] = (OR_ptr[14] * ST_ptr[3]);
      OR_ptr[15] = (OR_ptr[15] * ST_ptr[3]);
      OR_ptr[16] = (OR_ptr[16] * ST_ptr[3]);
      OR_ptr[17] = (OR_ptr[17] * ST_ptr[3]);
      OR_ptr[18] = (OR_ptr[18] * ST_ptr[3]);
      OR_ptr[19] = (OR_ptr[19] * ST_ptr[3]);
      OR_ptr[20] = (OR_ptr[20] * ST_ptr[3]);
      OR_ptr[21] = (OR_ptr[21] * ST_ptr[3]);
      OR_ptr[22] = (OR_ptr[22] * ST_ptr[3]);
      OR_ptr[23] = (OR_ptr[23] * ST_ptr[3]);
      OR_ptr[24] = (OR_ptr[24] * ST_ptr[3]);
      OR_ptr[25] = (OR_ptr[25] * ST_ptr[3]);
      OR_ptr[26] = (OR_ptr[26] * ST_ptr[3]);
      OR_ptr[27] = (OR_ptr[27] * ST_ptr[3]);
      OR_ptr[28] = (OR_ptr[28] * ST_ptr[3]);
      OR_ptr[29] = (OR_ptr[29] * ST_ptr[3]);
      OR_ptr[30] = (OR_ptr[30] * ST_ptr[3]);
      OR_ptr[31] = (OR_ptr[31] * ST_ptr[3]);
      OR_ptr[32] = (OR_ptr[32] * ST_ptr[3]);
      OR_ptr[33] = (OR_ptr[33] * ST_ptr[3]);
      OR_ptr[34] = (OR_ptr[34] * ST_ptr[3]);
      OR_ptr[35] = (OR_ptr[35] * ST_ptr[3]);
      OR_ptr[36] = (OR_ptr[36] * ST_ptr[3]);
      OR_ptr[37] = (OR_ptr[37] * ST_ptr[3]);
      OR_ptr[38] = (OR_ptr[38] * ST_ptr[3]);
      OR_ptr[39] = (OR_ptr[39] * ST_ptr[3]);
      OR_ptr[40] = (OR_ptr[40] * ST_ptr[3]);
      OR_ptr[41] = (OR_ptr[41] * ST_ptr[3]);
      OR_ptr[42] = (OR_ptr[42] * ST_ptr[3]);
      OR_ptr[43] = (OR_ptr[43] * ST_ptr[3]);
      OR_ptr[44] = (OR_ptr[44] * ST_ptr[3]);
      OR_ptr[45] = (OR_ptr[45] * ST_ptr[3]);
      OR_ptr[46] = (OR_ptr[46] * ST_ptr[3]);
      OR_ptr[47] = (OR_ptr[47] * ST_ptr[3]);
      OR_ptr[48] = (OR_ptr[48] * ST_ptr[3]);
      OR_ptr[49] = (OR_ptr[49] * ST_ptr[3]);
      OR_ptr[50] = (OR_ptr[50] * ST_ptr[3]);
      OR_ptr[51] = (OR_ptr[51] * ST_ptr[3]);
      OR_ptr[52] = (OR_ptr[52] * ST_ptr[3]);
      OR_ptr[53] = (OR_ptr[53] * ST_ptr[3]);
      OR_ptr[54] = (OR_ptr[54] * ST_ptr[3]);
      OR_ptr[55] = (OR_ptr[55] * ST_ptr[3]);
      OR_ptr[56] = (OR_ptr[56] * ST_ptr[3]);
      OR_ptr[57] = (OR_ptr[57] * ST_ptr[3]);
      OR_ptr[58] = (OR_ptr[58] * ST_ptr[3]);
      OR_ptr[59] = (OR_ptr[59] * ST_ptr[3]);
      OR_ptr[60] = (OR_ptr[60] * ST_ptr[3]);
      OR_ptr[61] = (OR_ptr[61] * ST_ptr[3]);
      OR_ptr[62] = (OR_ptr[62] * ST_ptr[3]);
      OR_ptr[63] = (OR_ptr[63] * ST_ptr[3]);
      ST_ptr[1] = (ST_ptr[1] * ST_ptr[3]);
      for (int r_6 = 0; r_6 < 32; ++r_6) {
        ST_ptr[1] = (ST_ptr[1] + SR_ptr[r_6]);
        int cse_v8 = (r_6 * 64);
        OR_ptr[0] = (OR_ptr[0] + (SR_ptr[r_6] * VS_ptr[(r_6 * 64)]));
        OR_ptr[1] = (OR_ptr[1] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 1)]));
        OR_ptr[2] = (OR_ptr[2] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 2)]));
        OR_ptr[3] = (OR_ptr[3] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 3)]));
        OR_ptr[4] = (OR_ptr[4] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 4)]));
        OR_ptr[5] = (OR_ptr[5] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 5)]));
        OR_ptr[6] = (OR_ptr[6] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 6)]));
        OR_ptr[7] = (OR_ptr[7] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 7)]));
        OR_ptr[8] = (OR_ptr[8] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 8)]));
        OR_ptr[9] = (OR_ptr[9] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 9)]));
        OR_ptr[10] = (OR_ptr[10] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 10)]));
        OR_ptr[11] = (OR_ptr[11] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 11)]));
        OR_ptr[12] = (OR_ptr[12] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 12)]));
        OR_ptr[13] = (OR_ptr[13] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 13)]));
        OR_ptr[14] = (OR_ptr[14] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 14)]));
        OR_ptr[15] = (OR_ptr[15] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 15)]));
        OR_ptr[16] = (OR_ptr[16] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 16)]));
        OR_ptr[17] = (OR_ptr[17] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 17)]));
        OR_ptr[18] = (OR_ptr[18] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 18)]));
        OR_ptr[19] = (OR_ptr[19] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 19)]));
        OR_ptr[20] = (OR_ptr[20] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 20)]));
        OR_ptr[21] = (OR_ptr[21] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 21)]));
        OR_ptr[22] = (OR_ptr[22] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 22)]));
        OR_ptr[23] = (OR_ptr[23] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 23)]));
        OR_ptr[24] = (OR_ptr[24] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 24)]));
        OR_ptr[25] = (OR_ptr[25] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 25)]));
        OR_ptr[26] = (OR_ptr[26] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 26)]));
        OR_ptr[27] = (OR_ptr[27] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 27)]));
        OR_ptr[28] = (OR_ptr[28] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 28)]));
        OR_ptr[29] = (OR_ptr[29] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 29)]));
        OR_ptr[30] = (OR_ptr[30] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 30)]));
        OR_ptr[31] = (OR_ptr[31] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 31)]));
        OR_ptr[32] = (OR_ptr[32] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 32)]));
        OR_ptr[33] = (OR_ptr[33] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 33)]));
        OR_ptr[34] = (OR_ptr[34] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 34)]));
        OR_ptr[35] = (OR_ptr[35] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 35)]));
        OR_ptr[36] = (OR_ptr[36] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 36)]));
        OR_ptr[37] = (OR_ptr[37] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 37)]));
        OR_ptr[38] = (OR_ptr[38] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 38)]));
        OR_ptr[39] = (OR_ptr[39] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 39)]));
        OR_ptr[40] = (OR_ptr[40] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 40)]));
        OR_ptr[41] = (OR_ptr[41] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 41)]));
        OR_ptr[42] = (OR_ptr[42] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 42)]));
        OR_ptr[43] = (OR_ptr[43] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 43)]));
        OR_ptr[44] = (OR_ptr[44] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 44)]));
        OR_ptr[45] = (OR_ptr[45] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 45)]));
        OR_ptr[46] = (OR_ptr[46] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 46)]));
        OR_ptr[47] = (OR_ptr[47] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 47)]));
        OR_ptr[48] = (OR_ptr[48] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 48)]));
        OR_ptr[49] = (OR_ptr[49] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 49)]));
        OR_ptr[50] = (OR_ptr[50] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 50)]));
        OR_ptr[51] = (OR_ptr[51] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 51)]));
        OR_ptr[52] = (OR_ptr[52] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 52)]));
        OR_ptr[53] = (OR_ptr[53] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 53)]));
        OR_ptr[54] = (OR_ptr[54] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 54)]));
        OR_ptr[55] = (OR_ptr[55] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 55)]));
        OR_ptr[56] = (OR_ptr[56] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 56)]));
        OR_ptr[57] = (OR_ptr[57] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 57)]));
        OR_ptr[58] = (OR_ptr[58] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 58)]));
        OR_ptr[59] = (OR_ptr[59] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 59)]));
        OR_ptr[60] = (OR_ptr[60] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 60)]));
        OR_ptr[61] = (OR_ptr[61] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 61)]));
        OR_ptr[62] = (OR_ptr[62] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 62)]));
        OR_ptr[63] = (OR_ptr[63] + (SR_ptr[r_6] * VS_ptr[((r_6 * 64) + 63)]));
      }
    }
  }
  if ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) < Lq) {
    float condval_6;
    if (ST_ptr[1] == 0x0p+0f/*0.000000e+00*/) {
      condval_6 = 0x0p+0f/*0.000000e+00*/;
    } else {
      condval_6 = (0x1p+0f/*1.000000e+00*/ / ST_ptr[1]);
    }
    ST_ptr[2] = condval_6;
    int cse_v22 = ((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2));
    O_ptr[((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2))] = (OR_ptr[0] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 1)] = (OR_ptr[1] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 2)] = (OR_ptr[2] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 3)] = (OR_ptr[3] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 4)] = (OR_ptr[4] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 5)] = (OR_ptr[5] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 6)] = (OR_ptr[6] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 7)] = (OR_ptr[7] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 8)] = (OR_ptr[8] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 9)] = (OR_ptr[9] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 10)] = (OR_ptr[10] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 11)] = (OR_ptr[11] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 12)] = (OR_ptr[12] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 13)] = (OR_ptr[13] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 14)] = (OR_ptr[14] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 15)] = (OR_ptr[15] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 16)] = (OR_ptr[16] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 17)] = (OR_ptr[17] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 18)] = (OR_ptr[18] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 19)] = (OR_ptr[19] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 20)] = (OR_ptr[20] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 21)] = (OR_ptr[21] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 22)] = (OR_ptr[22] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 23)] = (OR_ptr[23] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 24)] = (OR_ptr[24] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 25)] = (OR_ptr[25] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 26)] = (OR_ptr[26] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 27)] = (OR_ptr[27] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 28)] = (OR_ptr[28] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 29)] = (OR_ptr[29] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 30)] = (OR_ptr[30] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 31)] = (OR_ptr[31] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 32)] = (OR_ptr[32] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 33)] = (OR_ptr[33] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 34)] = (OR_ptr[34] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 35)] = (OR_ptr[35] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 36)] = (OR_ptr[36] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 37)] = (OR_ptr[37] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 38)] = (OR_ptr[38] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 39)] = (OR_ptr[39] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 40)] = (OR_ptr[40] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 41)] = (OR_ptr[41] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 42)] = (OR_ptr[42] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 43)] = (OR_ptr[43] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 44)] = (OR_ptr[44] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 45)] = (OR_ptr[45] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 46)] = (OR_ptr[46] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 47)] = (OR_ptr[47] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 48)] = (OR_ptr[48] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 49)] = (OR_ptr[49] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 50)] = (OR_ptr[50] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 51)] = (OR_ptr[51] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 52)] = (OR_ptr[52] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 53)] = (OR_ptr[53] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 54)] = (OR_ptr[54] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 55)] = (OR_ptr[55] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 56)] = (OR_ptr[56] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 57)] = (OR_ptr[57] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 58)] = (OR_ptr[58] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 59)] = (OR_ptr[59] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 60)] = (OR_ptr[60] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 61)] = (OR_ptr[61] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 62)] = (OR_ptr[62] * ST_ptr[2]);
    O_ptr[(((((task / (H * (cse_v2 / 64))) * O_s0) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) * O_s2)) + 63)] = (OR_ptr[63] * ST_ptr[2]);
    float condval_7;
    if (ST_ptr[1] == 0x0p+0f/*0.000000e+00*/) {
      condval_7 = -CUDART_INF_F;
    } else {
      condval_7 = ((ST_ptr[0] + log2f(ST_ptr[1])) * 0x1.62e42fefa39efp-1f/*6.931472e-01*/);
    }
    LSE_ptr[((((task % (cse_v2 / 64)) * 64) + ((int)threadIdx.x)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] = condval_7;
  }
}

