
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

#if !defined(__CUDA_ARCH__) || (__CUDA_ARCH__ >= 800)
#include <cuda_bf16.h>
__device__ nv_bfloat16 max(nv_bfloat16 a, nv_bfloat16 b)
{
  return __hgt(a, b) ? a : b;
}
__device__ nv_bfloat16 min(nv_bfloat16 a, nv_bfloat16 b)
{
  return __hlt(a, b) ? a : b;
}
#endif // __CUDA_ARCH__ >= 800
// Pack two bfloat16 values.
static inline __device__ __host__ unsigned
__pack_nv_bfloat162(const nv_bfloat16 x, const nv_bfloat16 y) {
  unsigned v0 = *((unsigned short *)&x);
  unsigned v1 = *((unsigned short *)&y);
  return (v1 << 16) | v0;
}

// Some bfp16 math functions are not supported in cuda_bfp16.h,
// so we define them here to make sure the generated CUDA code
// is valid.
#define CUDA_UNSUPPORTED_HALF_MATH_BINARY(HALF_MATH_NAME, FP32_MATH_NAME) \
static inline __device__ __host__ nv_bfloat16 HALF_MATH_NAME(nv_bfloat16 x, nv_bfloat16 y) {   \
  float tmp_x = __bfloat162float(x);                                      \
  float tmp_y = __bfloat162float(y);                                      \
  float result = FP32_MATH_NAME(tmp_x, tmp_y);                            \
  return __float2bfloat16(result);                                        \
}

#define CUDA_UNSUPPORTED_HALF_MATH_UNARY(HALF_MATH_NAME, FP32_MATH_NAME) \
static inline __device__ __host__ nv_bfloat16 HALF_MATH_NAME(nv_bfloat16 x) {          \
  float tmp_x = __bfloat162float(x);                                     \
  float result = FP32_MATH_NAME(tmp_x);                                  \
  return __float2bfloat16(result);                                       \
}

CUDA_UNSUPPORTED_HALF_MATH_BINARY(hpow, powf)
#if ((__CUDACC_VER_MAJOR__ < 12) || ((__CUDACC_VER_MAJOR__ == 12) && (__CUDACC_VER_MINOR__ < 8)))
CUDA_UNSUPPORTED_HALF_MATH_UNARY(htanh, tanhf)
#endif
CUDA_UNSUPPORTED_HALF_MATH_UNARY(htan, tanf)
CUDA_UNSUPPORTED_HALF_MATH_UNARY(hatan, atanf)
CUDA_UNSUPPORTED_HALF_MATH_UNARY(herf, erf)

#undef CUDA_UNSUPPORTED_HALF_MATH_BINARY
#undef CUDA_UNSUPPORTED_HALF_MATH_UNARY

template <typename T, typename TVec2>
struct __align__(8) half4_bfloat164 {
  T x, y, z, w;
  __host__ __device__ half4_bfloat164() : x(T(0)), y(T(0)), z(T(0)), w(T(0)) {}
  __host__ __device__ half4_bfloat164(T x, T y, T z, T w) : x(x), y(y), z(z), w(w) {}

};

using nv_bfloat164 = half4_bfloat164<nv_bfloat16, nv_bfloat162>;
__host__ __device__ nv_bfloat164 make_nv_bfloat164(nv_bfloat16 x, nv_bfloat16 y, nv_bfloat16 z, nv_bfloat16 w) {
    return nv_bfloat164(x, y, z, w);
}
__host__ __device__ nv_bfloat162 make_nv_bfloat162(nv_bfloat16 x, nv_bfloat16 y) {
    return nv_bfloat162(x, y);
}

#include <math_constants.h>

#include <mma.h>

#if defined(__CUDA_ARCH__) && (__CUDA_ARCH__ < 700)
#define __shfl_sync(mask, var, lane, width) \
        __shfl((var), (lane), (width))

#define __shfl_down_sync(mask, var, offset, width) \
        __shfl_down((var), (offset), (width))

#define __shfl_up_sync(mask, var, offset, width) \
        __shfl_up((var), (offset), (width))
#endif

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
__forceinline__ __device__ void tvm_builtin_ptx_cp_async_wait_group_async_wait_group_1() {
  asm volatile("cp.async.wait_group 1;" :  :  : "memory");
}
__forceinline__ __device__ void tvm_builtin_ptx_cp_async_commit_group_async_commit_group() {
  asm volatile("cp.async.commit_group;" :  : );
}

__forceinline__ __device__ void ptx_cp_async_legacy_cg_16_0_0(void* dst, int dst_off, void* src, int src_off) {
  uint8_t* dst_p = (uint8_t*)dst + dst_off * 0;
  uint8_t* src_p = (uint8_t*)src + src_off * 0;
  unsigned int dst_addr = __cvta_generic_to_shared(dst_p);
  asm volatile("cp.async.cg.shared.global [%0], [%1], %2;"
    :: "r"(dst_addr), "l"(src_p), "n"(16));
}
extern "C" __global__ void __launch_bounds__(128) dq_kernel(int* __restrict__ CI_ptr, float* __restrict__ DELTA_ptr, float* __restrict__ DLSE_ptr, nv_bfloat16* __restrict__ DO_ptr, nv_bfloat16* __restrict__ DQ_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, nv_bfloat16* __restrict__ K_ptr, float* __restrict__ LSE_ptr, nv_bfloat16* __restrict__ O_ptr, int* __restrict__ ORD_ptr, nv_bfloat16* __restrict__ Q_ptr, int64_t* __restrict__ RP_ptr, nv_bfloat16* __restrict__ V_ptr, int DO_s0, int DO_s1, int DO_s2, int DQ_s0, int DQ_s1, int DQ_s2, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int O_s0, int O_s1, int O_s2, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v2, int cse_v25, float scale);
extern "C" __global__ void __launch_bounds__(128) dq_kernel(int* __restrict__ CI_ptr, float* __restrict__ DELTA_ptr, float* __restrict__ DLSE_ptr, nv_bfloat16* __restrict__ DO_ptr, nv_bfloat16* __restrict__ DQ_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, nv_bfloat16* __restrict__ K_ptr, float* __restrict__ LSE_ptr, nv_bfloat16* __restrict__ O_ptr, int* __restrict__ ORD_ptr, nv_bfloat16* __restrict__ Q_ptr, int64_t* __restrict__ RP_ptr, nv_bfloat16* __restrict__ V_ptr, int DO_s0, int DO_s1, int DO_s2, int DQ_s0, int DQ_s1, int DQ_s2, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int O_s0, int O_s1, int O_s2, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v2, int cse_v25, float scale) {
  alignas(64) float ST_ptr[4];
  alignas(64) nv_bfloat16 QF_ptr[32];
  alignas(64) nv_bfloat16 GF_ptr[32];
  alignas(64) float QG_ptr[32];
  __shared__ alignas(64) nv_bfloat16 KS_ptr[9216];
  __shared__ alignas(64) nv_bfloat16 VS_ptr[9216];
  alignas(64) float SF_ptr[32];
  alignas(64) nv_bfloat16 BF_ptr[8];
  alignas(64) float PF_ptr[32];
  alignas(64) float PT_ptr[1];
  alignas(64) nv_bfloat16 EF_ptr[32];
  int cse_v14 = (cse_v2 / 64);
  int n_qb = (cse_v2 / 64);
  int task = ORD_ptr[((int)blockIdx.x)];
  int cse_v31 = (task / (H * (cse_v2 / 64)));
  int b = (task / (H * (cse_v2 / 64)));
  int cse_v32 = ((task / (cse_v2 / 64)) % H);
  int h = ((task / (cse_v2 / 64)) % H);
  int cse_v26 = (task % (cse_v2 / 64));
  int qb = (task % (cse_v2 / 64));
  int cse_v33 = (((task / (cse_v2 / 64)) % H) / (H / Hk));
  int hk = (((task / (cse_v2 / 64)) % H) / (H / Hk));
  int cse_v3 = (((int)threadIdx.x) % 32);
  int lane = (((int)threadIdx.x) % 32);
  int cse_v15 = ((((int)threadIdx.x) % 32) / 4);
  int g = ((((int)threadIdx.x) % 32) / 4);
  int cse_v4 = (((int)threadIdx.x) % 4);
  int tq = (((int)threadIdx.x) % 4);
  int cse_v34 = (((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16));
  int cse_v38 = ((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4));
  int r0 = ((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4));
  int cse_v39 = (((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H));
  int row = ((HC_ptr[(((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H))] * ((cse_v2 / 64) + 1)) + (task % (cse_v2 / 64)));
  int rbeg = ((int)RP_ptr[row]);
  int rend = ((int)RP_ptr[(row + 1)]);
  ST_ptr[2] = 0x0p+0f/*0.000000e+00*/;
  ST_ptr[3] = 0x0p+0f/*0.000000e+00*/;
  int cse_v5 = (Lq - 1);
  int cse_v16 = ((((int)threadIdx.x) % 4) * 2);
  int cse_v41 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1));
  int cse_v42 = min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1));
  int cse_v84 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2));
  QF_ptr[0] = Q_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2))];
  int cse_v43 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1));
  int cse_v85 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2));
  GF_ptr[0] = DO_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2))];
  int cse_v44 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1));
  int cse_v86 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2));
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[0]) * ((float)O_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2))])));
  QF_ptr[1] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 1)];
  GF_ptr[1] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 1)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[1]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 1)])));
  int cse_v45 = (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8);
  int cse_v80 = min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1));
  int cse_v90 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2));
  QF_ptr[2] = Q_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2))];
  int cse_v91 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2));
  GF_ptr[2] = DO_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2))];
  int cse_v92 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2));
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[2]) * ((float)O_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2))])));
  QF_ptr[3] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 1)];
  GF_ptr[3] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 1)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[3]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 1)])));
  QF_ptr[4] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 8)];
  GF_ptr[4] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 8)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[4]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 8)])));
  QF_ptr[5] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 9)];
  GF_ptr[5] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 9)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[5]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 9)])));
  QF_ptr[6] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 8)];
  GF_ptr[6] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 8)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[6]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 8)])));
  QF_ptr[7] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 9)];
  GF_ptr[7] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 9)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[7]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 9)])));
  QF_ptr[8] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 16)];
  GF_ptr[8] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 16)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[8]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 16)])));
  QF_ptr[9] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 17)];
  GF_ptr[9] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 17)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[9]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 17)])));
  QF_ptr[10] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 16)];
  GF_ptr[10] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 16)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[10]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 16)])));
  QF_ptr[11] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 17)];
  GF_ptr[11] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 17)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[11]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 17)])));
  QF_ptr[12] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 24)];
  GF_ptr[12] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 24)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[12]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 24)])));
  QF_ptr[13] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 25)];
  GF_ptr[13] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 25)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[13]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 25)])));
  QF_ptr[14] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 24)];
  GF_ptr[14] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 24)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[14]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 24)])));
  QF_ptr[15] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 25)];
  GF_ptr[15] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 25)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[15]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 25)])));
  QF_ptr[16] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 32)];
  GF_ptr[16] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 32)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[16]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 32)])));
  QF_ptr[17] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 33)];
  GF_ptr[17] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 33)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[17]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 33)])));
  QF_ptr[18] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 32)];
  GF_ptr[18] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 32)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[18]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 32)])));
  QF_ptr[19] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 33)];
  GF_ptr[19] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 33)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[19]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 33)])));
  QF_ptr[20] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 40)];
  GF_ptr[20] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 40)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[20]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 40)])));
  QF_ptr[21] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 41)];
  GF_ptr[21] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 41)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[21]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 41)])));
  QF_ptr[22] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 40)];
  GF_ptr[22] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 40)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[22]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 40)])));
  QF_ptr[23] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 41)];
  GF_ptr[23] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 41)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[23]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 41)])));
  QF_ptr[24] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 48)];
  GF_ptr[24] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 48)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[24]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 48)])));
  QF_ptr[25] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 49)];
  GF_ptr[25] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 49)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[25]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 49)])));
  QF_ptr[26] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 48)];
  GF_ptr[26] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 48)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[26]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 48)])));
  QF_ptr[27] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 49)];
  GF_ptr[27] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 49)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[27]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 49)])));
  QF_ptr[28] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 56)];
  GF_ptr[28] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 56)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[28]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 56)])));
  QF_ptr[29] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 57)];
  GF_ptr[29] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * DO_s2)) + 57)];
  ST_ptr[2] = (ST_ptr[2] + (((float)GF_ptr[29]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * O_s2)) + 57)])));
  QF_ptr[30] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 56)];
  GF_ptr[30] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 56)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[30]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 56)])));
  QF_ptr[31] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 57)];
  GF_ptr[31] = DO_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DO_s0)) + (((task / (cse_v2 / 64)) % H) * DO_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * DO_s2)) + 57)];
  ST_ptr[3] = (ST_ptr[3] + (((float)GF_ptr[31]) * ((float)O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * O_s2)) + 57)])));
  int cse_v46 = ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq);
  int cse_v81 = (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq));
  float condval;
  if ((LSE_ptr[(min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] * 0x1.71547652b82fep+0f/*1.442695e+00*/) == -CUDART_INF_F) {
    condval = CUDART_INF_F;
  } else {
    condval = (LSE_ptr[(min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] * 0x1.71547652b82fep+0f/*1.442695e+00*/);
  }
  ST_ptr[0] = condval;
  float condval_1;
  if (ST_ptr[0] == CUDART_INF_F) {
    condval_1 = 0x0p+0f/*0.000000e+00*/;
  } else {
    condval_1 = DLSE_ptr[(min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))];
  }
  ST_ptr[2] = (((ST_ptr[2] + __shfl_xor_sync((uint)4294967295, ST_ptr[2], 1, 32)) + __shfl_xor_sync((uint)4294967295, (ST_ptr[2] + __shfl_xor_sync((uint)4294967295, ST_ptr[2], 1, 32)), 2, 32)) - condval_1);
  int cse_v87 = (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq));
  float condval_2;
  if ((LSE_ptr[(min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] * 0x1.71547652b82fep+0f/*1.442695e+00*/) == -CUDART_INF_F) {
    condval_2 = CUDART_INF_F;
  } else {
    condval_2 = (LSE_ptr[(min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] * 0x1.71547652b82fep+0f/*1.442695e+00*/);
  }
  ST_ptr[1] = condval_2;
  float condval_3;
  if (ST_ptr[1] == CUDART_INF_F) {
    condval_3 = 0x0p+0f/*0.000000e+00*/;
  } else {
    condval_3 = DLSE_ptr[(min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))];
  }
  ST_ptr[3] = (((ST_ptr[3] + __shfl_xor_sync((uint)4294967295, ST_ptr[3], 1, 32)) + __shfl_xor_sync((uint)4294967295, (ST_ptr[3] + __shfl_xor_sync((uint)4294967295, ST_ptr[3], 1, 32)), 2, 32)) - condval_3);
  QG_ptr[0] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[1] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[2] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[3] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[4] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[5] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[6] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[7] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[8] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[9] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[10] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[11] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[12] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[13] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[14] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[15] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[16] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[17] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[18] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[19] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[20] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[21] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[22] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[23] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[24] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[25] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[26] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[27] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[28] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[29] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[30] = 0x0p+0f/*0.000000e+00*/;
  QG_ptr[31] = 0x0p+0f/*0.000000e+00*/;
  int cse_v6 = (rend - rbeg);
  int n_ch = (rend - rbeg);
  for (int c = 0; c < ((rend + 1) - rbeg); ++c) {
    __syncthreads();
    int cse_v9 = (((int)threadIdx.x) % 8);
    int cse_v10 = (c + rbeg);
    if (c < (rend - rbeg)) {
      for (int e = 0; e < 4; ++e) {
        int cse_v7 = (e * 16);
        int cse_v8 = (((int)threadIdx.x) / 8);
        int tr = ((e * 16) + (((int)threadIdx.x) / 8));
        int cse_v17 = ((((int)threadIdx.x) % 8) * 8);
        int tc = ((((int)threadIdx.x) % 8) * 8);
        int cse_v35 = (((((c % 2) * 4608) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8));
        if ((((CI_ptr[(c + rbeg)] * 64) + (e * 16)) + (((int)threadIdx.x) / 8)) < Lk) {
          ptx_cp_async_legacy_cg_16_0_0((&(KS_ptr[(((((c % 2) * 4608) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8))])), 0, (&(K_ptr[(((((((int)threadIdx.x) % 8) * 8) + ((task / (H * (cse_v2 / 64))) * K_s0)) + ((((task / (cse_v2 / 64)) % H) / (H / Hk)) * K_s1)) + ((((CI_ptr[(c + rbeg)] * 64) + (e * 16)) + (((int)threadIdx.x) / 8)) * K_s2))])), 0);
          ptx_cp_async_legacy_cg_16_0_0((&(VS_ptr[(((((c % 2) * 4608) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8))])), 0, (&(V_ptr[(((((((int)threadIdx.x) % 8) * 8) + ((task / (H * (cse_v2 / 64))) * V_s0)) + ((((task / (cse_v2 / 64)) % H) / (H / Hk)) * V_s1)) + ((((CI_ptr[(c + rbeg)] * 64) + (e * 16)) + (((int)threadIdx.x) / 8)) * V_s2))])), 0);
        } else {
          *(uint4*)(KS_ptr + (((((c % 2) * 4608) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8))) = make_uint4(__pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)));
          *(uint4*)(VS_ptr + (((((c % 2) * 4608) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8))) = make_uint4(__pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)));
        }
      }
    }
    tvm_builtin_ptx_cp_async_commit_group_async_commit_group();
    if (1 <= c) {
      tvm_builtin_ptx_cp_async_wait_group_async_wait_group_1();
      __syncthreads();
      int cse_v11 = (c - 1);
      int cc = (c - 1);
      int j = ((rbeg + c) - 1);
      int cse_v18 = ((c + rbeg) - 1);
      int k0 = (CI_ptr[((c + rbeg) - 1)] * 64);
      int cse_v27 = (((c - 1) % 2) * 4608);
      int so = (((c - 1) % 2) * 4608);
      SF_ptr[0] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[1] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[2] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[3] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[4] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[5] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[6] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[7] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[8] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[9] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[10] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[11] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[12] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[13] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[14] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[15] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[16] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[17] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[18] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[19] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[20] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[21] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[22] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[23] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[24] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[25] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[26] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[27] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[28] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[29] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[30] = 0x0p+0f/*0.000000e+00*/;
      SF_ptr[31] = 0x0p+0f/*0.000000e+00*/;
      int cse_v12 = (((int)threadIdx.x) % 16);
      int cse_v19 = ((((int)threadIdx.x) % 32) / 16);
      int cse_v20 = ((((int)threadIdx.x) % 8) * 72);
      int cse_v28 = (((((int)threadIdx.x) % 32) / 16) * 576);
      int cse_v29 = (((((int)threadIdx.x) % 16) / 8) * 8);
      int cse_v40 = ((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8));
      int cse_v47 = ((((9216 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8))])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 0))[0]), "=f"(((float *)(SF_ptr + 0))[1]), "=f"(((float *)(SF_ptr + 0))[2]), "=f"(((float *)(SF_ptr + 0))[3])
      : "r"(((unsigned *)(QF_ptr + 0))[0]), "r"(((unsigned *)(QF_ptr + 0))[1]), "r"(((unsigned *)(QF_ptr + 0))[2]), "r"(((unsigned *)(QF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[0]), "f"(((float *)(SF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[2]), "f"(((float *)(SF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 4))[0]), "=f"(((float *)(SF_ptr + 4))[1]), "=f"(((float *)(SF_ptr + 4))[2]), "=f"(((float *)(SF_ptr + 4))[3])
      : "r"(((unsigned *)(QF_ptr + 0))[0]), "r"(((unsigned *)(QF_ptr + 0))[1]), "r"(((unsigned *)(QF_ptr + 0))[2]), "r"(((unsigned *)(QF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[0]), "f"(((float *)(SF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[2]), "f"(((float *)(SF_ptr + 4))[3]));
  }
      int cse_v48 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 16);
      int cse_v49 = ((((9200 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 16)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 0))[0]), "=f"(((float *)(SF_ptr + 0))[1]), "=f"(((float *)(SF_ptr + 0))[2]), "=f"(((float *)(SF_ptr + 0))[3])
      : "r"(((unsigned *)(QF_ptr + 8))[0]), "r"(((unsigned *)(QF_ptr + 8))[1]), "r"(((unsigned *)(QF_ptr + 8))[2]), "r"(((unsigned *)(QF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[0]), "f"(((float *)(SF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[2]), "f"(((float *)(SF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 4))[0]), "=f"(((float *)(SF_ptr + 4))[1]), "=f"(((float *)(SF_ptr + 4))[2]), "=f"(((float *)(SF_ptr + 4))[3])
      : "r"(((unsigned *)(QF_ptr + 8))[0]), "r"(((unsigned *)(QF_ptr + 8))[1]), "r"(((unsigned *)(QF_ptr + 8))[2]), "r"(((unsigned *)(QF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[0]), "f"(((float *)(SF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[2]), "f"(((float *)(SF_ptr + 4))[3]));
  }
      int cse_v50 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 32);
      int cse_v51 = ((((9184 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 32)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 0))[0]), "=f"(((float *)(SF_ptr + 0))[1]), "=f"(((float *)(SF_ptr + 0))[2]), "=f"(((float *)(SF_ptr + 0))[3])
      : "r"(((unsigned *)(QF_ptr + 16))[0]), "r"(((unsigned *)(QF_ptr + 16))[1]), "r"(((unsigned *)(QF_ptr + 16))[2]), "r"(((unsigned *)(QF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[0]), "f"(((float *)(SF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[2]), "f"(((float *)(SF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 4))[0]), "=f"(((float *)(SF_ptr + 4))[1]), "=f"(((float *)(SF_ptr + 4))[2]), "=f"(((float *)(SF_ptr + 4))[3])
      : "r"(((unsigned *)(QF_ptr + 16))[0]), "r"(((unsigned *)(QF_ptr + 16))[1]), "r"(((unsigned *)(QF_ptr + 16))[2]), "r"(((unsigned *)(QF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[0]), "f"(((float *)(SF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[2]), "f"(((float *)(SF_ptr + 4))[3]));
  }
      int cse_v52 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 48);
      int cse_v53 = ((((9168 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 48)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 0))[0]), "=f"(((float *)(SF_ptr + 0))[1]), "=f"(((float *)(SF_ptr + 0))[2]), "=f"(((float *)(SF_ptr + 0))[3])
      : "r"(((unsigned *)(QF_ptr + 24))[0]), "r"(((unsigned *)(QF_ptr + 24))[1]), "r"(((unsigned *)(QF_ptr + 24))[2]), "r"(((unsigned *)(QF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[0]), "f"(((float *)(SF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[2]), "f"(((float *)(SF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 4))[0]), "=f"(((float *)(SF_ptr + 4))[1]), "=f"(((float *)(SF_ptr + 4))[2]), "=f"(((float *)(SF_ptr + 4))[3])
      : "r"(((unsigned *)(QF_ptr + 24))[0]), "r"(((unsigned *)(QF_ptr + 24))[1]), "r"(((unsigned *)(QF_ptr + 24))[2]), "r"(((unsigned *)(QF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[0]), "f"(((float *)(SF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[2]), "f"(((float *)(SF_ptr + 4))[3]));
  }
      int cse_v54 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1152);
      int cse_v55 = ((((8064 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1152)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 8))[0]), "=f"(((float *)(SF_ptr + 8))[1]), "=f"(((float *)(SF_ptr + 8))[2]), "=f"(((float *)(SF_ptr + 8))[3])
      : "r"(((unsigned *)(QF_ptr + 0))[0]), "r"(((unsigned *)(QF_ptr + 0))[1]), "r"(((unsigned *)(QF_ptr + 0))[2]), "r"(((unsigned *)(QF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 8))[0]), "f"(((float *)(SF_ptr + 8))[1]), "f"(((float *)(SF_ptr + 8))[2]), "f"(((float *)(SF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 12))[0]), "=f"(((float *)(SF_ptr + 12))[1]), "=f"(((float *)(SF_ptr + 12))[2]), "=f"(((float *)(SF_ptr + 12))[3])
      : "r"(((unsigned *)(QF_ptr + 0))[0]), "r"(((unsigned *)(QF_ptr + 0))[1]), "r"(((unsigned *)(QF_ptr + 0))[2]), "r"(((unsigned *)(QF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 12))[0]), "f"(((float *)(SF_ptr + 12))[1]), "f"(((float *)(SF_ptr + 12))[2]), "f"(((float *)(SF_ptr + 12))[3]));
  }
      int cse_v56 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1168);
      int cse_v57 = ((((8048 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1168)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 8))[0]), "=f"(((float *)(SF_ptr + 8))[1]), "=f"(((float *)(SF_ptr + 8))[2]), "=f"(((float *)(SF_ptr + 8))[3])
      : "r"(((unsigned *)(QF_ptr + 8))[0]), "r"(((unsigned *)(QF_ptr + 8))[1]), "r"(((unsigned *)(QF_ptr + 8))[2]), "r"(((unsigned *)(QF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 8))[0]), "f"(((float *)(SF_ptr + 8))[1]), "f"(((float *)(SF_ptr + 8))[2]), "f"(((float *)(SF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 12))[0]), "=f"(((float *)(SF_ptr + 12))[1]), "=f"(((float *)(SF_ptr + 12))[2]), "=f"(((float *)(SF_ptr + 12))[3])
      : "r"(((unsigned *)(QF_ptr + 8))[0]), "r"(((unsigned *)(QF_ptr + 8))[1]), "r"(((unsigned *)(QF_ptr + 8))[2]), "r"(((unsigned *)(QF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 12))[0]), "f"(((float *)(SF_ptr + 12))[1]), "f"(((float *)(SF_ptr + 12))[2]), "f"(((float *)(SF_ptr + 12))[3]));
  }
      int cse_v58 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1184);
      int cse_v59 = ((((8032 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1184)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 8))[0]), "=f"(((float *)(SF_ptr + 8))[1]), "=f"(((float *)(SF_ptr + 8))[2]), "=f"(((float *)(SF_ptr + 8))[3])
      : "r"(((unsigned *)(QF_ptr + 16))[0]), "r"(((unsigned *)(QF_ptr + 16))[1]), "r"(((unsigned *)(QF_ptr + 16))[2]), "r"(((unsigned *)(QF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 8))[0]), "f"(((float *)(SF_ptr + 8))[1]), "f"(((float *)(SF_ptr + 8))[2]), "f"(((float *)(SF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 12))[0]), "=f"(((float *)(SF_ptr + 12))[1]), "=f"(((float *)(SF_ptr + 12))[2]), "=f"(((float *)(SF_ptr + 12))[3])
      : "r"(((unsigned *)(QF_ptr + 16))[0]), "r"(((unsigned *)(QF_ptr + 16))[1]), "r"(((unsigned *)(QF_ptr + 16))[2]), "r"(((unsigned *)(QF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 12))[0]), "f"(((float *)(SF_ptr + 12))[1]), "f"(((float *)(SF_ptr + 12))[2]), "f"(((float *)(SF_ptr + 12))[3]));
  }
      int cse_v60 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1200);
      int cse_v61 = ((((8016 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1200)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 8))[0]), "=f"(((float *)(SF_ptr + 8))[1]), "=f"(((float *)(SF_ptr + 8))[2]), "=f"(((float *)(SF_ptr + 8))[3])
      : "r"(((unsigned *)(QF_ptr + 24))[0]), "r"(((unsigned *)(QF_ptr + 24))[1]), "r"(((unsigned *)(QF_ptr + 24))[2]), "r"(((unsigned *)(QF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 8))[0]), "f"(((float *)(SF_ptr + 8))[1]), "f"(((float *)(SF_ptr + 8))[2]), "f"(((float *)(SF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 12))[0]), "=f"(((float *)(SF_ptr + 12))[1]), "=f"(((float *)(SF_ptr + 12))[2]), "=f"(((float *)(SF_ptr + 12))[3])
      : "r"(((unsigned *)(QF_ptr + 24))[0]), "r"(((unsigned *)(QF_ptr + 24))[1]), "r"(((unsigned *)(QF_ptr + 24))[2]), "r"(((unsigned *)(QF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 12))[0]), "f"(((float *)(SF_ptr + 12))[1]), "f"(((float *)(SF_ptr + 12))[2]), "f"(((float *)(SF_ptr + 12))[3]));
  }
      int cse_v62 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2304);
      int cse_v63 = ((((6912 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2304)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 16))[0]), "=f"(((float *)(SF_ptr + 16))[1]), "=f"(((float *)(SF_ptr + 16))[2]), "=f"(((float *)(SF_ptr + 16))[3])
      : "r"(((unsigned *)(QF_ptr + 0))[0]), "r"(((unsigned *)(QF_ptr + 0))[1]), "r"(((unsigned *)(QF_ptr + 0))[2]), "r"(((unsigned *)(QF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 16))[0]), "f"(((float *)(SF_ptr + 16))[1]), "f"(((float *)(SF_ptr + 16))[2]), "f"(((float *)(SF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 20))[0]), "=f"(((float *)(SF_ptr + 20))[1]), "=f"(((float *)(SF_ptr + 20))[2]), "=f"(((float *)(SF_ptr + 20))[3])
      : "r"(((unsigned *)(QF_ptr + 0))[0]), "r"(((unsigned *)(QF_ptr + 0))[1]), "r"(((unsigned *)(QF_ptr + 0))[2]), "r"(((unsigned *)(QF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 20))[0]), "f"(((float *)(SF_ptr + 20))[1]), "f"(((float *)(SF_ptr + 20))[2]), "f"(((float *)(SF_ptr + 20))[3]));
  }
      int cse_v64 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2320);
      int cse_v65 = ((((6896 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2320)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 16))[0]), "=f"(((float *)(SF_ptr + 16))[1]), "=f"(((float *)(SF_ptr + 16))[2]), "=f"(((float *)(SF_ptr + 16))[3])
      : "r"(((unsigned *)(QF_ptr + 8))[0]), "r"(((unsigned *)(QF_ptr + 8))[1]), "r"(((unsigned *)(QF_ptr + 8))[2]), "r"(((unsigned *)(QF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 16))[0]), "f"(((float *)(SF_ptr + 16))[1]), "f"(((float *)(SF_ptr + 16))[2]), "f"(((float *)(SF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 20))[0]), "=f"(((float *)(SF_ptr + 20))[1]), "=f"(((float *)(SF_ptr + 20))[2]), "=f"(((float *)(SF_ptr + 20))[3])
      : "r"(((unsigned *)(QF_ptr + 8))[0]), "r"(((unsigned *)(QF_ptr + 8))[1]), "r"(((unsigned *)(QF_ptr + 8))[2]), "r"(((unsigned *)(QF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 20))[0]), "f"(((float *)(SF_ptr + 20))[1]), "f"(((float *)(SF_ptr + 20))[2]), "f"(((float *)(SF_ptr + 20))[3]));
  }
      int cse_v66 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2336);
      int cse_v67 = ((((6880 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2336)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 16))[0]), "=f"(((float *)(SF_ptr + 16))[1]), "=f"(((float *)(SF_ptr + 16))[2]), "=f"(((float *)(SF_ptr + 16))[3])
      : "r"(((unsigned *)(QF_ptr + 16))[0]), "r"(((unsigned *)(QF_ptr + 16))[1]), "r"(((unsigned *)(QF_ptr + 16))[2]), "r"(((unsigned *)(QF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 16))[0]), "f"(((float *)(SF_ptr + 16))[1]), "f"(((float *)(SF_ptr + 16))[2]), "f"(((float *)(SF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 20))[0]), "=f"(((float *)(SF_ptr + 20))[1]), "=f"(((float *)(SF_ptr + 20))[2]), "=f"(((float *)(SF_ptr + 20))[3])
      : "r"(((unsigned *)(QF_ptr + 16))[0]), "r"(((unsigned *)(QF_ptr + 16))[1]), "r"(((unsigned *)(QF_ptr + 16))[2]), "r"(((unsigned *)(QF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 20))[0]), "f"(((float *)(SF_ptr + 20))[1]), "f"(((float *)(SF_ptr + 20))[2]), "f"(((float *)(SF_ptr + 20))[3]));
  }
      int cse_v68 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2352);
      int cse_v69 = ((((6864 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2352)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 16))[0]), "=f"(((float *)(SF_ptr + 16))[1]), "=f"(((float *)(SF_ptr + 16))[2]), "=f"(((float *)(SF_ptr + 16))[3])
      : "r"(((unsigned *)(QF_ptr + 24))[0]), "r"(((unsigned *)(QF_ptr + 24))[1]), "r"(((unsigned *)(QF_ptr + 24))[2]), "r"(((unsigned *)(QF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 16))[0]), "f"(((float *)(SF_ptr + 16))[1]), "f"(((float *)(SF_ptr + 16))[2]), "f"(((float *)(SF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 20))[0]), "=f"(((float *)(SF_ptr + 20))[1]), "=f"(((float *)(SF_ptr + 20))[2]), "=f"(((float *)(SF_ptr + 20))[3])
      : "r"(((unsigned *)(QF_ptr + 24))[0]), "r"(((unsigned *)(QF_ptr + 24))[1]), "r"(((unsigned *)(QF_ptr + 24))[2]), "r"(((unsigned *)(QF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 20))[0]), "f"(((float *)(SF_ptr + 20))[1]), "f"(((float *)(SF_ptr + 20))[2]), "f"(((float *)(SF_ptr + 20))[3]));
  }
      int cse_v70 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3456);
      int cse_v71 = ((((5760 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3456)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 24))[0]), "=f"(((float *)(SF_ptr + 24))[1]), "=f"(((float *)(SF_ptr + 24))[2]), "=f"(((float *)(SF_ptr + 24))[3])
      : "r"(((unsigned *)(QF_ptr + 0))[0]), "r"(((unsigned *)(QF_ptr + 0))[1]), "r"(((unsigned *)(QF_ptr + 0))[2]), "r"(((unsigned *)(QF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 24))[0]), "f"(((float *)(SF_ptr + 24))[1]), "f"(((float *)(SF_ptr + 24))[2]), "f"(((float *)(SF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 28))[0]), "=f"(((float *)(SF_ptr + 28))[1]), "=f"(((float *)(SF_ptr + 28))[2]), "=f"(((float *)(SF_ptr + 28))[3])
      : "r"(((unsigned *)(QF_ptr + 0))[0]), "r"(((unsigned *)(QF_ptr + 0))[1]), "r"(((unsigned *)(QF_ptr + 0))[2]), "r"(((unsigned *)(QF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 28))[0]), "f"(((float *)(SF_ptr + 28))[1]), "f"(((float *)(SF_ptr + 28))[2]), "f"(((float *)(SF_ptr + 28))[3]));
  }
      int cse_v72 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3472);
      int cse_v73 = ((((5744 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3472)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 24))[0]), "=f"(((float *)(SF_ptr + 24))[1]), "=f"(((float *)(SF_ptr + 24))[2]), "=f"(((float *)(SF_ptr + 24))[3])
      : "r"(((unsigned *)(QF_ptr + 8))[0]), "r"(((unsigned *)(QF_ptr + 8))[1]), "r"(((unsigned *)(QF_ptr + 8))[2]), "r"(((unsigned *)(QF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 24))[0]), "f"(((float *)(SF_ptr + 24))[1]), "f"(((float *)(SF_ptr + 24))[2]), "f"(((float *)(SF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 28))[0]), "=f"(((float *)(SF_ptr + 28))[1]), "=f"(((float *)(SF_ptr + 28))[2]), "=f"(((float *)(SF_ptr + 28))[3])
      : "r"(((unsigned *)(QF_ptr + 8))[0]), "r"(((unsigned *)(QF_ptr + 8))[1]), "r"(((unsigned *)(QF_ptr + 8))[2]), "r"(((unsigned *)(QF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 28))[0]), "f"(((float *)(SF_ptr + 28))[1]), "f"(((float *)(SF_ptr + 28))[2]), "f"(((float *)(SF_ptr + 28))[3]));
  }
      int cse_v74 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3488);
      int cse_v75 = ((((5728 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3488)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 24))[0]), "=f"(((float *)(SF_ptr + 24))[1]), "=f"(((float *)(SF_ptr + 24))[2]), "=f"(((float *)(SF_ptr + 24))[3])
      : "r"(((unsigned *)(QF_ptr + 16))[0]), "r"(((unsigned *)(QF_ptr + 16))[1]), "r"(((unsigned *)(QF_ptr + 16))[2]), "r"(((unsigned *)(QF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 24))[0]), "f"(((float *)(SF_ptr + 24))[1]), "f"(((float *)(SF_ptr + 24))[2]), "f"(((float *)(SF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 28))[0]), "=f"(((float *)(SF_ptr + 28))[1]), "=f"(((float *)(SF_ptr + 28))[2]), "=f"(((float *)(SF_ptr + 28))[3])
      : "r"(((unsigned *)(QF_ptr + 16))[0]), "r"(((unsigned *)(QF_ptr + 16))[1]), "r"(((unsigned *)(QF_ptr + 16))[2]), "r"(((unsigned *)(QF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 28))[0]), "f"(((float *)(SF_ptr + 28))[1]), "f"(((float *)(SF_ptr + 28))[2]), "f"(((float *)(SF_ptr + 28))[3]));
  }
      int cse_v76 = (((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3504);
      int cse_v77 = ((((5712 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 4608));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3504)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 24))[0]), "=f"(((float *)(SF_ptr + 24))[1]), "=f"(((float *)(SF_ptr + 24))[2]), "=f"(((float *)(SF_ptr + 24))[3])
      : "r"(((unsigned *)(QF_ptr + 24))[0]), "r"(((unsigned *)(QF_ptr + 24))[1]), "r"(((unsigned *)(QF_ptr + 24))[2]), "r"(((unsigned *)(QF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 24))[0]), "f"(((float *)(SF_ptr + 24))[1]), "f"(((float *)(SF_ptr + 24))[2]), "f"(((float *)(SF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 28))[0]), "=f"(((float *)(SF_ptr + 28))[1]), "=f"(((float *)(SF_ptr + 28))[2]), "=f"(((float *)(SF_ptr + 28))[3])
      : "r"(((unsigned *)(QF_ptr + 24))[0]), "r"(((unsigned *)(QF_ptr + 24))[1]), "r"(((unsigned *)(QF_ptr + 24))[2]), "r"(((unsigned *)(QF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 28))[0]), "f"(((float *)(SF_ptr + 28))[1]), "f"(((float *)(SF_ptr + 28))[2]), "f"(((float *)(SF_ptr + 28))[3]));
  }
      PF_ptr[0] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[1] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[2] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[3] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[4] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[5] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[6] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[7] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[8] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[9] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[10] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[11] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[12] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[13] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[14] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[15] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[16] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[17] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[18] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[19] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[20] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[21] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[22] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[23] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[24] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[25] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[26] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[27] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[28] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[29] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[30] = 0x0p+0f/*0.000000e+00*/;
      PF_ptr[31] = 0x0p+0f/*0.000000e+00*/;

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8))])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 0))[0]), "=f"(((float *)(PF_ptr + 0))[1]), "=f"(((float *)(PF_ptr + 0))[2]), "=f"(((float *)(PF_ptr + 0))[3])
      : "r"(((unsigned *)(GF_ptr + 0))[0]), "r"(((unsigned *)(GF_ptr + 0))[1]), "r"(((unsigned *)(GF_ptr + 0))[2]), "r"(((unsigned *)(GF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[0]), "f"(((float *)(PF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[2]), "f"(((float *)(PF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 4))[0]), "=f"(((float *)(PF_ptr + 4))[1]), "=f"(((float *)(PF_ptr + 4))[2]), "=f"(((float *)(PF_ptr + 4))[3])
      : "r"(((unsigned *)(GF_ptr + 0))[0]), "r"(((unsigned *)(GF_ptr + 0))[1]), "r"(((unsigned *)(GF_ptr + 0))[2]), "r"(((unsigned *)(GF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[0]), "f"(((float *)(PF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[2]), "f"(((float *)(PF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 16)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 0))[0]), "=f"(((float *)(PF_ptr + 0))[1]), "=f"(((float *)(PF_ptr + 0))[2]), "=f"(((float *)(PF_ptr + 0))[3])
      : "r"(((unsigned *)(GF_ptr + 8))[0]), "r"(((unsigned *)(GF_ptr + 8))[1]), "r"(((unsigned *)(GF_ptr + 8))[2]), "r"(((unsigned *)(GF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[0]), "f"(((float *)(PF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[2]), "f"(((float *)(PF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 4))[0]), "=f"(((float *)(PF_ptr + 4))[1]), "=f"(((float *)(PF_ptr + 4))[2]), "=f"(((float *)(PF_ptr + 4))[3])
      : "r"(((unsigned *)(GF_ptr + 8))[0]), "r"(((unsigned *)(GF_ptr + 8))[1]), "r"(((unsigned *)(GF_ptr + 8))[2]), "r"(((unsigned *)(GF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[0]), "f"(((float *)(PF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[2]), "f"(((float *)(PF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 32)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 0))[0]), "=f"(((float *)(PF_ptr + 0))[1]), "=f"(((float *)(PF_ptr + 0))[2]), "=f"(((float *)(PF_ptr + 0))[3])
      : "r"(((unsigned *)(GF_ptr + 16))[0]), "r"(((unsigned *)(GF_ptr + 16))[1]), "r"(((unsigned *)(GF_ptr + 16))[2]), "r"(((unsigned *)(GF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[0]), "f"(((float *)(PF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[2]), "f"(((float *)(PF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 4))[0]), "=f"(((float *)(PF_ptr + 4))[1]), "=f"(((float *)(PF_ptr + 4))[2]), "=f"(((float *)(PF_ptr + 4))[3])
      : "r"(((unsigned *)(GF_ptr + 16))[0]), "r"(((unsigned *)(GF_ptr + 16))[1]), "r"(((unsigned *)(GF_ptr + 16))[2]), "r"(((unsigned *)(GF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[0]), "f"(((float *)(PF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[2]), "f"(((float *)(PF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 48)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 0))[0]), "=f"(((float *)(PF_ptr + 0))[1]), "=f"(((float *)(PF_ptr + 0))[2]), "=f"(((float *)(PF_ptr + 0))[3])
      : "r"(((unsigned *)(GF_ptr + 24))[0]), "r"(((unsigned *)(GF_ptr + 24))[1]), "r"(((unsigned *)(GF_ptr + 24))[2]), "r"(((unsigned *)(GF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[0]), "f"(((float *)(PF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[2]), "f"(((float *)(PF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 4))[0]), "=f"(((float *)(PF_ptr + 4))[1]), "=f"(((float *)(PF_ptr + 4))[2]), "=f"(((float *)(PF_ptr + 4))[3])
      : "r"(((unsigned *)(GF_ptr + 24))[0]), "r"(((unsigned *)(GF_ptr + 24))[1]), "r"(((unsigned *)(GF_ptr + 24))[2]), "r"(((unsigned *)(GF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[0]), "f"(((float *)(PF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[2]), "f"(((float *)(PF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1152)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 8))[0]), "=f"(((float *)(PF_ptr + 8))[1]), "=f"(((float *)(PF_ptr + 8))[2]), "=f"(((float *)(PF_ptr + 8))[3])
      : "r"(((unsigned *)(GF_ptr + 0))[0]), "r"(((unsigned *)(GF_ptr + 0))[1]), "r"(((unsigned *)(GF_ptr + 0))[2]), "r"(((unsigned *)(GF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 8))[0]), "f"(((float *)(PF_ptr + 8))[1]), "f"(((float *)(PF_ptr + 8))[2]), "f"(((float *)(PF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 12))[0]), "=f"(((float *)(PF_ptr + 12))[1]), "=f"(((float *)(PF_ptr + 12))[2]), "=f"(((float *)(PF_ptr + 12))[3])
      : "r"(((unsigned *)(GF_ptr + 0))[0]), "r"(((unsigned *)(GF_ptr + 0))[1]), "r"(((unsigned *)(GF_ptr + 0))[2]), "r"(((unsigned *)(GF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 12))[0]), "f"(((float *)(PF_ptr + 12))[1]), "f"(((float *)(PF_ptr + 12))[2]), "f"(((float *)(PF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1168)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 8))[0]), "=f"(((float *)(PF_ptr + 8))[1]), "=f"(((float *)(PF_ptr + 8))[2]), "=f"(((float *)(PF_ptr + 8))[3])
      : "r"(((unsigned *)(GF_ptr + 8))[0]), "r"(((unsigned *)(GF_ptr + 8))[1]), "r"(((unsigned *)(GF_ptr + 8))[2]), "r"(((unsigned *)(GF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 8))[0]), "f"(((float *)(PF_ptr + 8))[1]), "f"(((float *)(PF_ptr + 8))[2]), "f"(((float *)(PF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 12))[0]), "=f"(((float *)(PF_ptr + 12))[1]), "=f"(((float *)(PF_ptr + 12))[2]), "=f"(((float *)(PF_ptr + 12))[3])
      : "r"(((unsigned *)(GF_ptr + 8))[0]), "r"(((unsigned *)(GF_ptr + 8))[1]), "r"(((unsigned *)(GF_ptr + 8))[2]), "r"(((unsigned *)(GF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 12))[0]), "f"(((float *)(PF_ptr + 12))[1]), "f"(((float *)(PF_ptr + 12))[2]), "f"(((float *)(PF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1184)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 8))[0]), "=f"(((float *)(PF_ptr + 8))[1]), "=f"(((float *)(PF_ptr + 8))[2]), "=f"(((float *)(PF_ptr + 8))[3])
      : "r"(((unsigned *)(GF_ptr + 16))[0]), "r"(((unsigned *)(GF_ptr + 16))[1]), "r"(((unsigned *)(GF_ptr + 16))[2]), "r"(((unsigned *)(GF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 8))[0]), "f"(((float *)(PF_ptr + 8))[1]), "f"(((float *)(PF_ptr + 8))[2]), "f"(((float *)(PF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 12))[0]), "=f"(((float *)(PF_ptr + 12))[1]), "=f"(((float *)(PF_ptr + 12))[2]), "=f"(((float *)(PF_ptr + 12))[3])
      : "r"(((unsigned *)(GF_ptr + 16))[0]), "r"(((unsigned *)(GF_ptr + 16))[1]), "r"(((unsigned *)(GF_ptr + 16))[2]), "r"(((unsigned *)(GF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 12))[0]), "f"(((float *)(PF_ptr + 12))[1]), "f"(((float *)(PF_ptr + 12))[2]), "f"(((float *)(PF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1200)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 8))[0]), "=f"(((float *)(PF_ptr + 8))[1]), "=f"(((float *)(PF_ptr + 8))[2]), "=f"(((float *)(PF_ptr + 8))[3])
      : "r"(((unsigned *)(GF_ptr + 24))[0]), "r"(((unsigned *)(GF_ptr + 24))[1]), "r"(((unsigned *)(GF_ptr + 24))[2]), "r"(((unsigned *)(GF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 8))[0]), "f"(((float *)(PF_ptr + 8))[1]), "f"(((float *)(PF_ptr + 8))[2]), "f"(((float *)(PF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 12))[0]), "=f"(((float *)(PF_ptr + 12))[1]), "=f"(((float *)(PF_ptr + 12))[2]), "=f"(((float *)(PF_ptr + 12))[3])
      : "r"(((unsigned *)(GF_ptr + 24))[0]), "r"(((unsigned *)(GF_ptr + 24))[1]), "r"(((unsigned *)(GF_ptr + 24))[2]), "r"(((unsigned *)(GF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 12))[0]), "f"(((float *)(PF_ptr + 12))[1]), "f"(((float *)(PF_ptr + 12))[2]), "f"(((float *)(PF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2304)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 16))[0]), "=f"(((float *)(PF_ptr + 16))[1]), "=f"(((float *)(PF_ptr + 16))[2]), "=f"(((float *)(PF_ptr + 16))[3])
      : "r"(((unsigned *)(GF_ptr + 0))[0]), "r"(((unsigned *)(GF_ptr + 0))[1]), "r"(((unsigned *)(GF_ptr + 0))[2]), "r"(((unsigned *)(GF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 16))[0]), "f"(((float *)(PF_ptr + 16))[1]), "f"(((float *)(PF_ptr + 16))[2]), "f"(((float *)(PF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 20))[0]), "=f"(((float *)(PF_ptr + 20))[1]), "=f"(((float *)(PF_ptr + 20))[2]), "=f"(((float *)(PF_ptr + 20))[3])
      : "r"(((unsigned *)(GF_ptr + 0))[0]), "r"(((unsigned *)(GF_ptr + 0))[1]), "r"(((unsigned *)(GF_ptr + 0))[2]), "r"(((unsigned *)(GF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 20))[0]), "f"(((float *)(PF_ptr + 20))[1]), "f"(((float *)(PF_ptr + 20))[2]), "f"(((float *)(PF_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2320)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 16))[0]), "=f"(((float *)(PF_ptr + 16))[1]), "=f"(((float *)(PF_ptr + 16))[2]), "=f"(((float *)(PF_ptr + 16))[3])
      : "r"(((unsigned *)(GF_ptr + 8))[0]), "r"(((unsigned *)(GF_ptr + 8))[1]), "r"(((unsigned *)(GF_ptr + 8))[2]), "r"(((unsigned *)(GF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 16))[0]), "f"(((float *)(PF_ptr + 16))[1]), "f"(((float *)(PF_ptr + 16))[2]), "f"(((float *)(PF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 20))[0]), "=f"(((float *)(PF_ptr + 20))[1]), "=f"(((float *)(PF_ptr + 20))[2]), "=f"(((float *)(PF_ptr + 20))[3])
      : "r"(((unsigned *)(GF_ptr + 8))[0]), "r"(((unsigned *)(GF_ptr + 8))[1]), "r"(((unsigned *)(GF_ptr + 8))[2]), "r"(((unsigned *)(GF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 20))[0]), "f"(((float *)(PF_ptr + 20))[1]), "f"(((float *)(PF_ptr + 20))[2]), "f"(((float *)(PF_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2336)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 16))[0]), "=f"(((float *)(PF_ptr + 16))[1]), "=f"(((float *)(PF_ptr + 16))[2]), "=f"(((float *)(PF_ptr + 16))[3])
      : "r"(((unsigned *)(GF_ptr + 16))[0]), "r"(((unsigned *)(GF_ptr + 16))[1]), "r"(((unsigned *)(GF_ptr + 16))[2]), "r"(((unsigned *)(GF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 16))[0]), "f"(((float *)(PF_ptr + 16))[1]), "f"(((float *)(PF_ptr + 16))[2]), "f"(((float *)(PF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 20))[0]), "=f"(((float *)(PF_ptr + 20))[1]), "=f"(((float *)(PF_ptr + 20))[2]), "=f"(((float *)(PF_ptr + 20))[3])
      : "r"(((unsigned *)(GF_ptr + 16))[0]), "r"(((unsigned *)(GF_ptr + 16))[1]), "r"(((unsigned *)(GF_ptr + 16))[2]), "r"(((unsigned *)(GF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 20))[0]), "f"(((float *)(PF_ptr + 20))[1]), "f"(((float *)(PF_ptr + 20))[2]), "f"(((float *)(PF_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 2352)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 16))[0]), "=f"(((float *)(PF_ptr + 16))[1]), "=f"(((float *)(PF_ptr + 16))[2]), "=f"(((float *)(PF_ptr + 16))[3])
      : "r"(((unsigned *)(GF_ptr + 24))[0]), "r"(((unsigned *)(GF_ptr + 24))[1]), "r"(((unsigned *)(GF_ptr + 24))[2]), "r"(((unsigned *)(GF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 16))[0]), "f"(((float *)(PF_ptr + 16))[1]), "f"(((float *)(PF_ptr + 16))[2]), "f"(((float *)(PF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 20))[0]), "=f"(((float *)(PF_ptr + 20))[1]), "=f"(((float *)(PF_ptr + 20))[2]), "=f"(((float *)(PF_ptr + 20))[3])
      : "r"(((unsigned *)(GF_ptr + 24))[0]), "r"(((unsigned *)(GF_ptr + 24))[1]), "r"(((unsigned *)(GF_ptr + 24))[2]), "r"(((unsigned *)(GF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 20))[0]), "f"(((float *)(PF_ptr + 20))[1]), "f"(((float *)(PF_ptr + 20))[2]), "f"(((float *)(PF_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3456)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 24))[0]), "=f"(((float *)(PF_ptr + 24))[1]), "=f"(((float *)(PF_ptr + 24))[2]), "=f"(((float *)(PF_ptr + 24))[3])
      : "r"(((unsigned *)(GF_ptr + 0))[0]), "r"(((unsigned *)(GF_ptr + 0))[1]), "r"(((unsigned *)(GF_ptr + 0))[2]), "r"(((unsigned *)(GF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 24))[0]), "f"(((float *)(PF_ptr + 24))[1]), "f"(((float *)(PF_ptr + 24))[2]), "f"(((float *)(PF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 28))[0]), "=f"(((float *)(PF_ptr + 28))[1]), "=f"(((float *)(PF_ptr + 28))[2]), "=f"(((float *)(PF_ptr + 28))[3])
      : "r"(((unsigned *)(GF_ptr + 0))[0]), "r"(((unsigned *)(GF_ptr + 0))[1]), "r"(((unsigned *)(GF_ptr + 0))[2]), "r"(((unsigned *)(GF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 28))[0]), "f"(((float *)(PF_ptr + 28))[1]), "f"(((float *)(PF_ptr + 28))[2]), "f"(((float *)(PF_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3472)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 24))[0]), "=f"(((float *)(PF_ptr + 24))[1]), "=f"(((float *)(PF_ptr + 24))[2]), "=f"(((float *)(PF_ptr + 24))[3])
      : "r"(((unsigned *)(GF_ptr + 8))[0]), "r"(((unsigned *)(GF_ptr + 8))[1]), "r"(((unsigned *)(GF_ptr + 8))[2]), "r"(((unsigned *)(GF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 24))[0]), "f"(((float *)(PF_ptr + 24))[1]), "f"(((float *)(PF_ptr + 24))[2]), "f"(((float *)(PF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 28))[0]), "=f"(((float *)(PF_ptr + 28))[1]), "=f"(((float *)(PF_ptr + 28))[2]), "=f"(((float *)(PF_ptr + 28))[3])
      : "r"(((unsigned *)(GF_ptr + 8))[0]), "r"(((unsigned *)(GF_ptr + 8))[1]), "r"(((unsigned *)(GF_ptr + 8))[2]), "r"(((unsigned *)(GF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 28))[0]), "f"(((float *)(PF_ptr + 28))[1]), "f"(((float *)(PF_ptr + 28))[2]), "f"(((float *)(PF_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3488)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 24))[0]), "=f"(((float *)(PF_ptr + 24))[1]), "=f"(((float *)(PF_ptr + 24))[2]), "=f"(((float *)(PF_ptr + 24))[3])
      : "r"(((unsigned *)(GF_ptr + 16))[0]), "r"(((unsigned *)(GF_ptr + 16))[1]), "r"(((unsigned *)(GF_ptr + 16))[2]), "r"(((unsigned *)(GF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 24))[0]), "f"(((float *)(PF_ptr + 24))[1]), "f"(((float *)(PF_ptr + 24))[2]), "f"(((float *)(PF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 28))[0]), "=f"(((float *)(PF_ptr + 28))[1]), "=f"(((float *)(PF_ptr + 28))[2]), "=f"(((float *)(PF_ptr + 28))[3])
      : "r"(((unsigned *)(GF_ptr + 16))[0]), "r"(((unsigned *)(GF_ptr + 16))[1]), "r"(((unsigned *)(GF_ptr + 16))[2]), "r"(((unsigned *)(GF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 28))[0]), "f"(((float *)(PF_ptr + 28))[1]), "f"(((float *)(PF_ptr + 28))[2]), "f"(((float *)(PF_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 3504)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 24))[0]), "=f"(((float *)(PF_ptr + 24))[1]), "=f"(((float *)(PF_ptr + 24))[2]), "=f"(((float *)(PF_ptr + 24))[3])
      : "r"(((unsigned *)(GF_ptr + 24))[0]), "r"(((unsigned *)(GF_ptr + 24))[1]), "r"(((unsigned *)(GF_ptr + 24))[2]), "r"(((unsigned *)(GF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 24))[0]), "f"(((float *)(PF_ptr + 24))[1]), "f"(((float *)(PF_ptr + 24))[2]), "f"(((float *)(PF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 28))[0]), "=f"(((float *)(PF_ptr + 28))[1]), "=f"(((float *)(PF_ptr + 28))[2]), "=f"(((float *)(PF_ptr + 28))[3])
      : "r"(((unsigned *)(GF_ptr + 24))[0]), "r"(((unsigned *)(GF_ptr + 24))[1]), "r"(((unsigned *)(GF_ptr + 24))[2]), "r"(((unsigned *)(GF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 28))[0]), "f"(((float *)(PF_ptr + 28))[1]), "f"(((float *)(PF_ptr + 28))[2]), "f"(((float *)(PF_ptr + 28))[3]));
  }
      if (FL_ptr[((c + rbeg) - 1)] == (uchar)0) {
        #pragma unroll
        for (int x = 0; x < 32; ++x) {
          int cse_v21 = ((x & 3) >> 1);
          int cse_v36 = (((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x & 1));
          int cse_v78 = (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4));
          int cse_v88 = (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk);
          int cse_v93 = ((min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk) - Lq);
          float condval_4;
          if (((((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)) < Lq) && ((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x & 1)) < Lk)) && (((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x & 1)) <= ((min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk) - Lq)) || (Lk <= (((min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk) + 1) - Lq)))) && ((((min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk) - Lq) - min((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x & 1)), (Lk - 1))) < 256)) {
            condval_4 = exp2f((((SF_ptr[x] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/) - ST_ptr[((x & 3) >> 1)]));
          } else {
            condval_4 = 0x0p+0f/*0.000000e+00*/;
          }
          PT_ptr[0] = condval_4;
          EF_ptr[x] = ((nv_bfloat16)(PT_ptr[0] * (PF_ptr[x] - ST_ptr[(((x & 3) >> 1) + 2)])));
        }
      } else {
        if (Lk < (k0 + 64)) {
          #pragma unroll
          for (int x_1 = 0; x_1 < 32; ++x_1) {
            int cse_v22 = ((x_1 & 3) >> 1);
            float condval_5;
            if (((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x_1 & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)) < Lq) && ((((((x_1 >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x_1 & 1)) < Lk)) {
              condval_5 = exp2f((((SF_ptr[x_1] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/) - ST_ptr[((x_1 & 3) >> 1)]));
            } else {
              condval_5 = 0x0p+0f/*0.000000e+00*/;
            }
            PT_ptr[0] = condval_5;
            EF_ptr[x_1] = ((nv_bfloat16)(PT_ptr[0] * (PF_ptr[x_1] - ST_ptr[(((x_1 & 3) >> 1) + 2)])));
          }
        } else {
          #pragma unroll
          for (int x_2 = 0; x_2 < 32; ++x_2) {
            int cse_v23 = ((x_2 & 3) >> 1);
            PT_ptr[0] = exp2f((((SF_ptr[x_2] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/) - ST_ptr[((x_2 & 3) >> 1)]));
            EF_ptr[x_2] = ((nv_bfloat16)(PT_ptr[0] * (PF_ptr[x_2] - ST_ptr[(((x_2 & 3) >> 1) + 2)])));
          }
        }
      }
      int cse_v24 = ((((int)threadIdx.x) % 16) * 72);
      int cse_v30 = (((((int)threadIdx.x) % 32) / 16) * 8);
      int cse_v37 = (((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8));

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[(((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8))])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 0))[0]), "=f"(((float *)(QG_ptr + 0))[1]), "=f"(((float *)(QG_ptr + 0))[2]), "=f"(((float *)(QG_ptr + 0))[3])
      : "r"(((unsigned *)(EF_ptr + 0))[0]), "r"(((unsigned *)(EF_ptr + 0))[1]), "r"(((unsigned *)(EF_ptr + 0))[2]), "r"(((unsigned *)(EF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 0))[0]), "f"(((float *)(QG_ptr + 0))[1]), "f"(((float *)(QG_ptr + 0))[2]), "f"(((float *)(QG_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 4))[0]), "=f"(((float *)(QG_ptr + 4))[1]), "=f"(((float *)(QG_ptr + 4))[2]), "=f"(((float *)(QG_ptr + 4))[3])
      : "r"(((unsigned *)(EF_ptr + 0))[0]), "r"(((unsigned *)(EF_ptr + 0))[1]), "r"(((unsigned *)(EF_ptr + 0))[2]), "r"(((unsigned *)(EF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 4))[0]), "f"(((float *)(QG_ptr + 4))[1]), "f"(((float *)(QG_ptr + 4))[2]), "f"(((float *)(QG_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1152)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 0))[0]), "=f"(((float *)(QG_ptr + 0))[1]), "=f"(((float *)(QG_ptr + 0))[2]), "=f"(((float *)(QG_ptr + 0))[3])
      : "r"(((unsigned *)(EF_ptr + 8))[0]), "r"(((unsigned *)(EF_ptr + 8))[1]), "r"(((unsigned *)(EF_ptr + 8))[2]), "r"(((unsigned *)(EF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 0))[0]), "f"(((float *)(QG_ptr + 0))[1]), "f"(((float *)(QG_ptr + 0))[2]), "f"(((float *)(QG_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 4))[0]), "=f"(((float *)(QG_ptr + 4))[1]), "=f"(((float *)(QG_ptr + 4))[2]), "=f"(((float *)(QG_ptr + 4))[3])
      : "r"(((unsigned *)(EF_ptr + 8))[0]), "r"(((unsigned *)(EF_ptr + 8))[1]), "r"(((unsigned *)(EF_ptr + 8))[2]), "r"(((unsigned *)(EF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 4))[0]), "f"(((float *)(QG_ptr + 4))[1]), "f"(((float *)(QG_ptr + 4))[2]), "f"(((float *)(QG_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 2304)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 0))[0]), "=f"(((float *)(QG_ptr + 0))[1]), "=f"(((float *)(QG_ptr + 0))[2]), "=f"(((float *)(QG_ptr + 0))[3])
      : "r"(((unsigned *)(EF_ptr + 16))[0]), "r"(((unsigned *)(EF_ptr + 16))[1]), "r"(((unsigned *)(EF_ptr + 16))[2]), "r"(((unsigned *)(EF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 0))[0]), "f"(((float *)(QG_ptr + 0))[1]), "f"(((float *)(QG_ptr + 0))[2]), "f"(((float *)(QG_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 4))[0]), "=f"(((float *)(QG_ptr + 4))[1]), "=f"(((float *)(QG_ptr + 4))[2]), "=f"(((float *)(QG_ptr + 4))[3])
      : "r"(((unsigned *)(EF_ptr + 16))[0]), "r"(((unsigned *)(EF_ptr + 16))[1]), "r"(((unsigned *)(EF_ptr + 16))[2]), "r"(((unsigned *)(EF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 4))[0]), "f"(((float *)(QG_ptr + 4))[1]), "f"(((float *)(QG_ptr + 4))[2]), "f"(((float *)(QG_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 3456)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 0))[0]), "=f"(((float *)(QG_ptr + 0))[1]), "=f"(((float *)(QG_ptr + 0))[2]), "=f"(((float *)(QG_ptr + 0))[3])
      : "r"(((unsigned *)(EF_ptr + 24))[0]), "r"(((unsigned *)(EF_ptr + 24))[1]), "r"(((unsigned *)(EF_ptr + 24))[2]), "r"(((unsigned *)(EF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 0))[0]), "f"(((float *)(QG_ptr + 0))[1]), "f"(((float *)(QG_ptr + 0))[2]), "f"(((float *)(QG_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 4))[0]), "=f"(((float *)(QG_ptr + 4))[1]), "=f"(((float *)(QG_ptr + 4))[2]), "=f"(((float *)(QG_ptr + 4))[3])
      : "r"(((unsigned *)(EF_ptr + 24))[0]), "r"(((unsigned *)(EF_ptr + 24))[1]), "r"(((unsigned *)(EF_ptr + 24))[2]), "r"(((unsigned *)(EF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 4))[0]), "f"(((float *)(QG_ptr + 4))[1]), "f"(((float *)(QG_ptr + 4))[2]), "f"(((float *)(QG_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 16)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 8))[0]), "=f"(((float *)(QG_ptr + 8))[1]), "=f"(((float *)(QG_ptr + 8))[2]), "=f"(((float *)(QG_ptr + 8))[3])
      : "r"(((unsigned *)(EF_ptr + 0))[0]), "r"(((unsigned *)(EF_ptr + 0))[1]), "r"(((unsigned *)(EF_ptr + 0))[2]), "r"(((unsigned *)(EF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 8))[0]), "f"(((float *)(QG_ptr + 8))[1]), "f"(((float *)(QG_ptr + 8))[2]), "f"(((float *)(QG_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 12))[0]), "=f"(((float *)(QG_ptr + 12))[1]), "=f"(((float *)(QG_ptr + 12))[2]), "=f"(((float *)(QG_ptr + 12))[3])
      : "r"(((unsigned *)(EF_ptr + 0))[0]), "r"(((unsigned *)(EF_ptr + 0))[1]), "r"(((unsigned *)(EF_ptr + 0))[2]), "r"(((unsigned *)(EF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 12))[0]), "f"(((float *)(QG_ptr + 12))[1]), "f"(((float *)(QG_ptr + 12))[2]), "f"(((float *)(QG_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1168)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 8))[0]), "=f"(((float *)(QG_ptr + 8))[1]), "=f"(((float *)(QG_ptr + 8))[2]), "=f"(((float *)(QG_ptr + 8))[3])
      : "r"(((unsigned *)(EF_ptr + 8))[0]), "r"(((unsigned *)(EF_ptr + 8))[1]), "r"(((unsigned *)(EF_ptr + 8))[2]), "r"(((unsigned *)(EF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 8))[0]), "f"(((float *)(QG_ptr + 8))[1]), "f"(((float *)(QG_ptr + 8))[2]), "f"(((float *)(QG_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 12))[0]), "=f"(((float *)(QG_ptr + 12))[1]), "=f"(((float *)(QG_ptr + 12))[2]), "=f"(((float *)(QG_ptr + 12))[3])
      : "r"(((unsigned *)(EF_ptr + 8))[0]), "r"(((unsigned *)(EF_ptr + 8))[1]), "r"(((unsigned *)(EF_ptr + 8))[2]), "r"(((unsigned *)(EF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 12))[0]), "f"(((float *)(QG_ptr + 12))[1]), "f"(((float *)(QG_ptr + 12))[2]), "f"(((float *)(QG_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 2320)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 8))[0]), "=f"(((float *)(QG_ptr + 8))[1]), "=f"(((float *)(QG_ptr + 8))[2]), "=f"(((float *)(QG_ptr + 8))[3])
      : "r"(((unsigned *)(EF_ptr + 16))[0]), "r"(((unsigned *)(EF_ptr + 16))[1]), "r"(((unsigned *)(EF_ptr + 16))[2]), "r"(((unsigned *)(EF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 8))[0]), "f"(((float *)(QG_ptr + 8))[1]), "f"(((float *)(QG_ptr + 8))[2]), "f"(((float *)(QG_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 12))[0]), "=f"(((float *)(QG_ptr + 12))[1]), "=f"(((float *)(QG_ptr + 12))[2]), "=f"(((float *)(QG_ptr + 12))[3])
      : "r"(((unsigned *)(EF_ptr + 16))[0]), "r"(((unsigned *)(EF_ptr + 16))[1]), "r"(((unsigned *)(EF_ptr + 16))[2]), "r"(((unsigned *)(EF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 12))[0]), "f"(((float *)(QG_ptr + 12))[1]), "f"(((float *)(QG_ptr + 12))[2]), "f"(((float *)(QG_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 3472)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 8))[0]), "=f"(((float *)(QG_ptr + 8))[1]), "=f"(((float *)(QG_ptr + 8))[2]), "=f"(((float *)(QG_ptr + 8))[3])
      : "r"(((unsigned *)(EF_ptr + 24))[0]), "r"(((unsigned *)(EF_ptr + 24))[1]), "r"(((unsigned *)(EF_ptr + 24))[2]), "r"(((unsigned *)(EF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 8))[0]), "f"(((float *)(QG_ptr + 8))[1]), "f"(((float *)(QG_ptr + 8))[2]), "f"(((float *)(QG_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 12))[0]), "=f"(((float *)(QG_ptr + 12))[1]), "=f"(((float *)(QG_ptr + 12))[2]), "=f"(((float *)(QG_ptr + 12))[3])
      : "r"(((unsigned *)(EF_ptr + 24))[0]), "r"(((unsigned *)(EF_ptr + 24))[1]), "r"(((unsigned *)(EF_ptr + 24))[2]), "r"(((unsigned *)(EF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 12))[0]), "f"(((float *)(QG_ptr + 12))[1]), "f"(((float *)(QG_ptr + 12))[2]), "f"(((float *)(QG_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 32)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 16))[0]), "=f"(((float *)(QG_ptr + 16))[1]), "=f"(((float *)(QG_ptr + 16))[2]), "=f"(((float *)(QG_ptr + 16))[3])
      : "r"(((unsigned *)(EF_ptr + 0))[0]), "r"(((unsigned *)(EF_ptr + 0))[1]), "r"(((unsigned *)(EF_ptr + 0))[2]), "r"(((unsigned *)(EF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 16))[0]), "f"(((float *)(QG_ptr + 16))[1]), "f"(((float *)(QG_ptr + 16))[2]), "f"(((float *)(QG_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 20))[0]), "=f"(((float *)(QG_ptr + 20))[1]), "=f"(((float *)(QG_ptr + 20))[2]), "=f"(((float *)(QG_ptr + 20))[3])
      : "r"(((unsigned *)(EF_ptr + 0))[0]), "r"(((unsigned *)(EF_ptr + 0))[1]), "r"(((unsigned *)(EF_ptr + 0))[2]), "r"(((unsigned *)(EF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 20))[0]), "f"(((float *)(QG_ptr + 20))[1]), "f"(((float *)(QG_ptr + 20))[2]), "f"(((float *)(QG_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1184)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 16))[0]), "=f"(((float *)(QG_ptr + 16))[1]), "=f"(((float *)(QG_ptr + 16))[2]), "=f"(((float *)(QG_ptr + 16))[3])
      : "r"(((unsigned *)(EF_ptr + 8))[0]), "r"(((unsigned *)(EF_ptr + 8))[1]), "r"(((unsigned *)(EF_ptr + 8))[2]), "r"(((unsigned *)(EF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 16))[0]), "f"(((float *)(QG_ptr + 16))[1]), "f"(((float *)(QG_ptr + 16))[2]), "f"(((float *)(QG_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 20))[0]), "=f"(((float *)(QG_ptr + 20))[1]), "=f"(((float *)(QG_ptr + 20))[2]), "=f"(((float *)(QG_ptr + 20))[3])
      : "r"(((unsigned *)(EF_ptr + 8))[0]), "r"(((unsigned *)(EF_ptr + 8))[1]), "r"(((unsigned *)(EF_ptr + 8))[2]), "r"(((unsigned *)(EF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 20))[0]), "f"(((float *)(QG_ptr + 20))[1]), "f"(((float *)(QG_ptr + 20))[2]), "f"(((float *)(QG_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 2336)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 16))[0]), "=f"(((float *)(QG_ptr + 16))[1]), "=f"(((float *)(QG_ptr + 16))[2]), "=f"(((float *)(QG_ptr + 16))[3])
      : "r"(((unsigned *)(EF_ptr + 16))[0]), "r"(((unsigned *)(EF_ptr + 16))[1]), "r"(((unsigned *)(EF_ptr + 16))[2]), "r"(((unsigned *)(EF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 16))[0]), "f"(((float *)(QG_ptr + 16))[1]), "f"(((float *)(QG_ptr + 16))[2]), "f"(((float *)(QG_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 20))[0]), "=f"(((float *)(QG_ptr + 20))[1]), "=f"(((float *)(QG_ptr + 20))[2]), "=f"(((float *)(QG_ptr + 20))[3])
      : "r"(((unsigned *)(EF_ptr + 16))[0]), "r"(((unsigned *)(EF_ptr + 16))[1]), "r"(((unsigned *)(EF_ptr + 16))[2]), "r"(((unsigned *)(EF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 20))[0]), "f"(((float *)(QG_ptr + 20))[1]), "f"(((float *)(QG_ptr + 20))[2]), "f"(((float *)(QG_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 3488)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 16))[0]), "=f"(((float *)(QG_ptr + 16))[1]), "=f"(((float *)(QG_ptr + 16))[2]), "=f"(((float *)(QG_ptr + 16))[3])
      : "r"(((unsigned *)(EF_ptr + 24))[0]), "r"(((unsigned *)(EF_ptr + 24))[1]), "r"(((unsigned *)(EF_ptr + 24))[2]), "r"(((unsigned *)(EF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 16))[0]), "f"(((float *)(QG_ptr + 16))[1]), "f"(((float *)(QG_ptr + 16))[2]), "f"(((float *)(QG_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 20))[0]), "=f"(((float *)(QG_ptr + 20))[1]), "=f"(((float *)(QG_ptr + 20))[2]), "=f"(((float *)(QG_ptr + 20))[3])
      : "r"(((unsigned *)(EF_ptr + 24))[0]), "r"(((unsigned *)(EF_ptr + 24))[1]), "r"(((unsigned *)(EF_ptr + 24))[2]), "r"(((unsigned *)(EF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 20))[0]), "f"(((float *)(QG_ptr + 20))[1]), "f"(((float *)(QG_ptr + 20))[2]), "f"(((float *)(QG_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 48)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 24))[0]), "=f"(((float *)(QG_ptr + 24))[1]), "=f"(((float *)(QG_ptr + 24))[2]), "=f"(((float *)(QG_ptr + 24))[3])
      : "r"(((unsigned *)(EF_ptr + 0))[0]), "r"(((unsigned *)(EF_ptr + 0))[1]), "r"(((unsigned *)(EF_ptr + 0))[2]), "r"(((unsigned *)(EF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 24))[0]), "f"(((float *)(QG_ptr + 24))[1]), "f"(((float *)(QG_ptr + 24))[2]), "f"(((float *)(QG_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 28))[0]), "=f"(((float *)(QG_ptr + 28))[1]), "=f"(((float *)(QG_ptr + 28))[2]), "=f"(((float *)(QG_ptr + 28))[3])
      : "r"(((unsigned *)(EF_ptr + 0))[0]), "r"(((unsigned *)(EF_ptr + 0))[1]), "r"(((unsigned *)(EF_ptr + 0))[2]), "r"(((unsigned *)(EF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 28))[0]), "f"(((float *)(QG_ptr + 28))[1]), "f"(((float *)(QG_ptr + 28))[2]), "f"(((float *)(QG_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1200)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 24))[0]), "=f"(((float *)(QG_ptr + 24))[1]), "=f"(((float *)(QG_ptr + 24))[2]), "=f"(((float *)(QG_ptr + 24))[3])
      : "r"(((unsigned *)(EF_ptr + 8))[0]), "r"(((unsigned *)(EF_ptr + 8))[1]), "r"(((unsigned *)(EF_ptr + 8))[2]), "r"(((unsigned *)(EF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 24))[0]), "f"(((float *)(QG_ptr + 24))[1]), "f"(((float *)(QG_ptr + 24))[2]), "f"(((float *)(QG_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 28))[0]), "=f"(((float *)(QG_ptr + 28))[1]), "=f"(((float *)(QG_ptr + 28))[2]), "=f"(((float *)(QG_ptr + 28))[3])
      : "r"(((unsigned *)(EF_ptr + 8))[0]), "r"(((unsigned *)(EF_ptr + 8))[1]), "r"(((unsigned *)(EF_ptr + 8))[2]), "r"(((unsigned *)(EF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 28))[0]), "f"(((float *)(QG_ptr + 28))[1]), "f"(((float *)(QG_ptr + 28))[2]), "f"(((float *)(QG_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 2352)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 24))[0]), "=f"(((float *)(QG_ptr + 24))[1]), "=f"(((float *)(QG_ptr + 24))[2]), "=f"(((float *)(QG_ptr + 24))[3])
      : "r"(((unsigned *)(EF_ptr + 16))[0]), "r"(((unsigned *)(EF_ptr + 16))[1]), "r"(((unsigned *)(EF_ptr + 16))[2]), "r"(((unsigned *)(EF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 24))[0]), "f"(((float *)(QG_ptr + 24))[1]), "f"(((float *)(QG_ptr + 24))[2]), "f"(((float *)(QG_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 28))[0]), "=f"(((float *)(QG_ptr + 28))[1]), "=f"(((float *)(QG_ptr + 28))[2]), "=f"(((float *)(QG_ptr + 28))[3])
      : "r"(((unsigned *)(EF_ptr + 16))[0]), "r"(((unsigned *)(EF_ptr + 16))[1]), "r"(((unsigned *)(EF_ptr + 16))[2]), "r"(((unsigned *)(EF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 28))[0]), "f"(((float *)(QG_ptr + 28))[1]), "f"(((float *)(QG_ptr + 28))[2]), "f"(((float *)(QG_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(KS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 3504)])) + 0);
    __asm__ __volatile__(
      "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16"
      "{%0, %1, %2, %3}, [%4];\n"
      : "=r"(((unsigned *)(BF_ptr + 0))[0]), "=r"(((unsigned *)(BF_ptr + 0))[1]), "=r"(((unsigned *)(BF_ptr + 0))[2]), "=r"(((unsigned *)(BF_ptr + 0))[3])
      : "r"(addr)
    );
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 24))[0]), "=f"(((float *)(QG_ptr + 24))[1]), "=f"(((float *)(QG_ptr + 24))[2]), "=f"(((float *)(QG_ptr + 24))[3])
      : "r"(((unsigned *)(EF_ptr + 24))[0]), "r"(((unsigned *)(EF_ptr + 24))[1]), "r"(((unsigned *)(EF_ptr + 24))[2]), "r"(((unsigned *)(EF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(QG_ptr + 24))[0]), "f"(((float *)(QG_ptr + 24))[1]), "f"(((float *)(QG_ptr + 24))[2]), "f"(((float *)(QG_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(QG_ptr + 28))[0]), "=f"(((float *)(QG_ptr + 28))[1]), "=f"(((float *)(QG_ptr + 28))[2]), "=f"(((float *)(QG_ptr + 28))[3])
      : "r"(((unsigned *)(EF_ptr + 24))[0]), "r"(((unsigned *)(EF_ptr + 24))[1]), "r"(((unsigned *)(EF_ptr + 24))[2]), "r"(((unsigned *)(EF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(QG_ptr + 28))[0]), "f"(((float *)(QG_ptr + 28))[1]), "f"(((float *)(QG_ptr + 28))[2]), "f"(((float *)(QG_ptr + 28))[3]));
  }
    }
  }
  int cse_v79 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1));
  int cse_v83 = (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq));
  if (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) < Lq) {
    int cse_v82 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2));
    DQ_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2))] = ((nv_bfloat16)(QG_ptr[0] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 1)] = ((nv_bfloat16)(QG_ptr[1] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 8)] = ((nv_bfloat16)(QG_ptr[4] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 9)] = ((nv_bfloat16)(QG_ptr[5] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 16)] = ((nv_bfloat16)(QG_ptr[8] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 17)] = ((nv_bfloat16)(QG_ptr[9] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 24)] = ((nv_bfloat16)(QG_ptr[12] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 25)] = ((nv_bfloat16)(QG_ptr[13] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 32)] = ((nv_bfloat16)(QG_ptr[16] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 33)] = ((nv_bfloat16)(QG_ptr[17] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 40)] = ((nv_bfloat16)(QG_ptr[20] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 41)] = ((nv_bfloat16)(QG_ptr[21] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 48)] = ((nv_bfloat16)(QG_ptr[24] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 49)] = ((nv_bfloat16)(QG_ptr[25] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 56)] = ((nv_bfloat16)(QG_ptr[28] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DQ_s2)) + 57)] = ((nv_bfloat16)(QG_ptr[29] * scale));
    if ((((int)threadIdx.x) % 4) == 0) {
      DELTA_ptr[(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] = ST_ptr[2];
    }
  }
  if ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) < Lq) {
    int cse_v89 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2));
    DQ_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2))] = ((nv_bfloat16)(QG_ptr[2] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 1)] = ((nv_bfloat16)(QG_ptr[3] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 8)] = ((nv_bfloat16)(QG_ptr[6] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 9)] = ((nv_bfloat16)(QG_ptr[7] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 16)] = ((nv_bfloat16)(QG_ptr[10] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 17)] = ((nv_bfloat16)(QG_ptr[11] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 24)] = ((nv_bfloat16)(QG_ptr[14] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 25)] = ((nv_bfloat16)(QG_ptr[15] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 32)] = ((nv_bfloat16)(QG_ptr[18] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 33)] = ((nv_bfloat16)(QG_ptr[19] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 40)] = ((nv_bfloat16)(QG_ptr[22] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 41)] = ((nv_bfloat16)(QG_ptr[23] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 48)] = ((nv_bfloat16)(QG_ptr[26] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 49)] = ((nv_bfloat16)(QG_ptr[27] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 56)] = ((nv_bfloat16)(QG_ptr[30] * scale));
    DQ_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * DQ_s0)) + (((task / (cse_v2 / 64)) % H) * DQ_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DQ_s2)) + 57)] = ((nv_bfloat16)(QG_ptr[31] * scale));
    if ((((int)threadIdx.x) % 4) == 0) {
      DELTA_ptr[((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq)) + 8)] = ST_ptr[3];
    }
  }
}

