
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
extern "C" __global__ void __launch_bounds__(128) forward_kernel(int* __restrict__ CI_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, nv_bfloat16* __restrict__ K_ptr, float* __restrict__ LSE_ptr, nv_bfloat16* __restrict__ O_ptr, int* __restrict__ ORD_ptr, nv_bfloat16* __restrict__ Q_ptr, int64_t* __restrict__ RP_ptr, nv_bfloat16* __restrict__ V_ptr, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int O_s0, int O_s1, int O_s2, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v2, int cse_v21, float scale);
extern "C" __global__ void __launch_bounds__(128) forward_kernel(int* __restrict__ CI_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, nv_bfloat16* __restrict__ K_ptr, float* __restrict__ LSE_ptr, nv_bfloat16* __restrict__ O_ptr, int* __restrict__ ORD_ptr, nv_bfloat16* __restrict__ Q_ptr, int64_t* __restrict__ RP_ptr, nv_bfloat16* __restrict__ V_ptr, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int O_s0, int O_s1, int O_s2, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v2, int cse_v21, float scale) {
  alignas(64) nv_bfloat16 QF_ptr[32];
  alignas(64) float OF_ptr[32];
  alignas(64) float ST_ptr[8];
  __shared__ alignas(64) nv_bfloat16 KS_ptr[9216];
  __shared__ alignas(64) nv_bfloat16 VS_ptr[9216];
  alignas(64) float SF_ptr[32];
  alignas(64) nv_bfloat16 BF_ptr[8];
  alignas(64) nv_bfloat16 PF_ptr[32];
  int cse_v13 = (cse_v2 / 64);
  int n_qb = (cse_v2 / 64);
  int task = ORD_ptr[((int)blockIdx.x)];
  int cse_v27 = (task / (H * (cse_v2 / 64)));
  int b = (task / (H * (cse_v2 / 64)));
  int cse_v28 = ((task / (cse_v2 / 64)) % H);
  int h = ((task / (cse_v2 / 64)) % H);
  int cse_v22 = (task % (cse_v2 / 64));
  int qb = (task % (cse_v2 / 64));
  int cse_v29 = (((task / (cse_v2 / 64)) % H) / (H / Hk));
  int hk = (((task / (cse_v2 / 64)) % H) / (H / Hk));
  int cse_v3 = (((int)threadIdx.x) % 32);
  int lane = (((int)threadIdx.x) % 32);
  int cse_v14 = ((((int)threadIdx.x) % 32) / 4);
  int g = ((((int)threadIdx.x) % 32) / 4);
  int cse_v4 = (((int)threadIdx.x) % 4);
  int tq = (((int)threadIdx.x) % 4);
  int cse_v30 = (((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16));
  int cse_v34 = ((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4));
  int r0 = ((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4));
  int cse_v35 = (((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H));
  int row = ((HC_ptr[(((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H))] * ((cse_v2 / 64) + 1)) + (task % (cse_v2 / 64)));
  int rbeg = ((int)RP_ptr[row]);
  int rend = ((int)RP_ptr[(row + 1)]);
  int cse_v5 = (Lq - 1);
  int cse_v15 = ((((int)threadIdx.x) % 4) * 2);
  int cse_v37 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1));
  int cse_v42 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2));
  QF_ptr[0] = Q_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2))];
  QF_ptr[1] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 1)];
  int cse_v38 = (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8);
  int cse_v45 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2));
  QF_ptr[2] = Q_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2))];
  QF_ptr[3] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 1)];
  QF_ptr[4] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 8)];
  QF_ptr[5] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 9)];
  QF_ptr[6] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 8)];
  QF_ptr[7] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 9)];
  QF_ptr[8] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 16)];
  QF_ptr[9] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 17)];
  QF_ptr[10] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 16)];
  QF_ptr[11] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 17)];
  QF_ptr[12] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 24)];
  QF_ptr[13] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 25)];
  QF_ptr[14] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 24)];
  QF_ptr[15] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 25)];
  QF_ptr[16] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 32)];
  QF_ptr[17] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 33)];
  QF_ptr[18] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 32)];
  QF_ptr[19] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 33)];
  QF_ptr[20] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 40)];
  QF_ptr[21] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 41)];
  QF_ptr[22] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 40)];
  QF_ptr[23] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 41)];
  QF_ptr[24] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 48)];
  QF_ptr[25] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 49)];
  QF_ptr[26] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 48)];
  QF_ptr[27] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 49)];
  QF_ptr[28] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 56)];
  QF_ptr[29] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) * Q_s2)) + 57)];
  QF_ptr[30] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 56)];
  QF_ptr[31] = Q_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * Q_s0)) + (((task / (cse_v2 / 64)) % H) * Q_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lq - 1)) * Q_s2)) + 57)];
  OF_ptr[0] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[1] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[2] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[3] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[4] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[5] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[6] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[7] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[8] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[9] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[10] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[11] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[12] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[13] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[14] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[15] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[16] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[17] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[18] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[19] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[20] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[21] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[22] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[23] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[24] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[25] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[26] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[27] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[28] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[29] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[30] = 0x0p+0f/*0.000000e+00*/;
  OF_ptr[31] = 0x0p+0f/*0.000000e+00*/;
  ST_ptr[0] = -CUDART_INF_F;
  ST_ptr[2] = 0x0p+0f/*0.000000e+00*/;
  ST_ptr[1] = -CUDART_INF_F;
  ST_ptr[3] = 0x0p+0f/*0.000000e+00*/;
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
        int cse_v16 = ((((int)threadIdx.x) % 8) * 8);
        int tc = ((((int)threadIdx.x) % 8) * 8);
        int cse_v31 = (((((c % 2) * 4608) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8));
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
      int cse_v17 = ((c + rbeg) - 1);
      int k0 = (CI_ptr[((c + rbeg) - 1)] * 64);
      int cse_v23 = (((c - 1) % 2) * 4608);
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
      int cse_v18 = ((((int)threadIdx.x) % 32) / 16);
      int cse_v19 = ((((int)threadIdx.x) % 8) * 72);
      int cse_v24 = (((((int)threadIdx.x) % 32) / 16) * 576);
      int cse_v25 = (((((int)threadIdx.x) % 16) / 8) * 8);
      int cse_v36 = ((((((c - 1) % 2) * 4608) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8));

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
      if (FL_ptr[((c + rbeg) - 1)] == (uchar)0) {
        #pragma unroll
        for (int x = 0; x < 32; ++x) {
          int cse_v32 = (((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x & 1));
          int cse_v43 = (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk);
          int cse_v46 = ((min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk) - Lq);
          float condval;
          if ((((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x & 1)) < Lk) && (((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x & 1)) <= ((min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk) - Lq)) || (Lk <= (((min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk) + 1) - Lq)))) && ((((min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lq - 1)) + Lk) - Lq) - min((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x & 1)), (Lk - 1))) < 256)) {
            condval = ((SF_ptr[x] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/);
          } else {
            condval = -CUDART_INF_F;
          }
          SF_ptr[x] = condval;
        }
      } else {
        if (Lk < (k0 + 64)) {
          #pragma unroll
          for (int x_1 = 0; x_1 < 32; ++x_1) {
            float condval_1;
            if ((((((x_1 >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + k0) + (x_1 & 1)) < Lk) {
              condval_1 = ((SF_ptr[x_1] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/);
            } else {
              condval_1 = -CUDART_INF_F;
            }
            SF_ptr[x_1] = condval_1;
          }
        } else {
          #pragma unroll
          for (int x_2 = 0; x_2 < 32; ++x_2) {
            SF_ptr[x_2] = ((SF_ptr[x_2] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/);
          }
        }
      }
      ST_ptr[4] = ST_ptr[0];
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[0]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[1]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[4]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[5]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[8]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[9]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[12]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[13]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[16]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[17]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[20]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[21]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[24]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[25]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[28]);
      ST_ptr[4] = max(ST_ptr[4], SF_ptr[29]);
      ST_ptr[4] = max(ST_ptr[4], __shfl_xor_sync((uint)4294967295, ST_ptr[4], 1, 32));
      ST_ptr[4] = max(ST_ptr[4], __shfl_xor_sync((uint)4294967295, ST_ptr[4], 2, 32));
      float condval_2;
      if (ST_ptr[4] == -CUDART_INF_F) {
        condval_2 = 0x0p+0f/*0.000000e+00*/;
      } else {
        condval_2 = ST_ptr[4];
      }
      ST_ptr[6] = exp2f((ST_ptr[0] - condval_2));
      ST_ptr[0] = ST_ptr[4];
      float condval_3;
      if (ST_ptr[4] == -CUDART_INF_F) {
        condval_3 = 0x0p+0f/*0.000000e+00*/;
      } else {
        condval_3 = ST_ptr[4];
      }
      ST_ptr[4] = condval_3;
      ST_ptr[2] = (ST_ptr[2] * ST_ptr[6]);
      ST_ptr[5] = ST_ptr[1];
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[2]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[3]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[6]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[7]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[10]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[11]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[14]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[15]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[18]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[19]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[22]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[23]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[26]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[27]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[30]);
      ST_ptr[5] = max(ST_ptr[5], SF_ptr[31]);
      ST_ptr[5] = max(ST_ptr[5], __shfl_xor_sync((uint)4294967295, ST_ptr[5], 1, 32));
      ST_ptr[5] = max(ST_ptr[5], __shfl_xor_sync((uint)4294967295, ST_ptr[5], 2, 32));
      float condval_4;
      if (ST_ptr[5] == -CUDART_INF_F) {
        condval_4 = 0x0p+0f/*0.000000e+00*/;
      } else {
        condval_4 = ST_ptr[5];
      }
      ST_ptr[7] = exp2f((ST_ptr[1] - condval_4));
      ST_ptr[1] = ST_ptr[5];
      float condval_5;
      if (ST_ptr[5] == -CUDART_INF_F) {
        condval_5 = 0x0p+0f/*0.000000e+00*/;
      } else {
        condval_5 = ST_ptr[5];
      }
      ST_ptr[5] = condval_5;
      ST_ptr[3] = (ST_ptr[3] * ST_ptr[7]);
      SF_ptr[0] = exp2f((SF_ptr[0] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[0]);
      PF_ptr[0] = ((nv_bfloat16)SF_ptr[0]);
      SF_ptr[1] = exp2f((SF_ptr[1] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[1]);
      PF_ptr[1] = ((nv_bfloat16)SF_ptr[1]);
      SF_ptr[2] = exp2f((SF_ptr[2] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[2]);
      PF_ptr[2] = ((nv_bfloat16)SF_ptr[2]);
      SF_ptr[3] = exp2f((SF_ptr[3] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[3]);
      PF_ptr[3] = ((nv_bfloat16)SF_ptr[3]);
      SF_ptr[4] = exp2f((SF_ptr[4] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[4]);
      PF_ptr[4] = ((nv_bfloat16)SF_ptr[4]);
      SF_ptr[5] = exp2f((SF_ptr[5] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[5]);
      PF_ptr[5] = ((nv_bfloat16)SF_ptr[5]);
      SF_ptr[6] = exp2f((SF_ptr[6] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[6]);
      PF_ptr[6] = ((nv_bfloat16)SF_ptr[6]);
      SF_ptr[7] = exp2f((SF_ptr[7] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[7]);
      PF_ptr[7] = ((nv_bfloat16)SF_ptr[7]);
      SF_ptr[8] = exp2f((SF_ptr[8] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[8]);
      PF_ptr[8] = ((nv_bfloat16)SF_ptr[8]);
      SF_ptr[9] = exp2f((SF_ptr[9] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[9]);
      PF_ptr[9] = ((nv_bfloat16)SF_ptr[9]);
      SF_ptr[10] = exp2f((SF_ptr[10] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[10]);
      PF_ptr[10] = ((nv_bfloat16)SF_ptr[10]);
      SF_ptr[11] = exp2f((SF_ptr[11] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[11]);
      PF_ptr[11] = ((nv_bfloat16)SF_ptr[11]);
      SF_ptr[12] = exp2f((SF_ptr[12] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[12]);
      PF_ptr[12] = ((nv_bfloat16)SF_ptr[12]);
      SF_ptr[13] = exp2f((SF_ptr[13] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[13]);
      PF_ptr[13] = ((nv_bfloat16)SF_ptr[13]);
      SF_ptr[14] = exp2f((SF_ptr[14] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[14]);
      PF_ptr[14] = ((nv_bfloat16)SF_ptr[14]);
      SF_ptr[15] = exp2f((SF_ptr[15] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[15]);
      PF_ptr[15] = ((nv_bfloat16)SF_ptr[15]);
      SF_ptr[16] = exp2f((SF_ptr[16] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[16]);
      PF_ptr[16] = ((nv_bfloat16)SF_ptr[16]);
      SF_ptr[17] = exp2f((SF_ptr[17] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[17]);
      PF_ptr[17] = ((nv_bfloat16)SF_ptr[17]);
      SF_ptr[18] = exp2f((SF_ptr[18] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[18]);
      PF_ptr[18] = ((nv_bfloat16)SF_ptr[18]);
      SF_ptr[19] = exp2f((SF_ptr[19] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[19]);
      PF_ptr[19] = ((nv_bfloat16)SF_ptr[19]);
      SF_ptr[20] = exp2f((SF_ptr[20] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[20]);
      PF_ptr[20] = ((nv_bfloat16)SF_ptr[20]);
      SF_ptr[21] = exp2f((SF_ptr[21] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[21]);
      PF_ptr[21] = ((nv_bfloat16)SF_ptr[21]);
      SF_ptr[22] = exp2f((SF_ptr[22] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[22]);
      PF_ptr[22] = ((nv_bfloat16)SF_ptr[22]);
      SF_ptr[23] = exp2f((SF_ptr[23] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[23]);
      PF_ptr[23] = ((nv_bfloat16)SF_ptr[23]);
      SF_ptr[24] = exp2f((SF_ptr[24] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[24]);
      PF_ptr[24] = ((nv_bfloat16)SF_ptr[24]);
      SF_ptr[25] = exp2f((SF_ptr[25] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[25]);
      PF_ptr[25] = ((nv_bfloat16)SF_ptr[25]);
      SF_ptr[26] = exp2f((SF_ptr[26] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[26]);
      PF_ptr[26] = ((nv_bfloat16)SF_ptr[26]);
      SF_ptr[27] = exp2f((SF_ptr[27] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[27]);
      PF_ptr[27] = ((nv_bfloat16)SF_ptr[27]);
      SF_ptr[28] = exp2f((SF_ptr[28] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[28]);
      PF_ptr[28] = ((nv_bfloat16)SF_ptr[28]);
      SF_ptr[29] = exp2f((SF_ptr[29] - ST_ptr[4]));
      ST_ptr[2] = (ST_ptr[2] + SF_ptr[29]);
      PF_ptr[29] = ((nv_bfloat16)SF_ptr[29]);
      SF_ptr[30] = exp2f((SF_ptr[30] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[30]);
      PF_ptr[30] = ((nv_bfloat16)SF_ptr[30]);
      SF_ptr[31] = exp2f((SF_ptr[31] - ST_ptr[5]));
      ST_ptr[3] = (ST_ptr[3] + SF_ptr[31]);
      PF_ptr[31] = ((nv_bfloat16)SF_ptr[31]);
      OF_ptr[0] = (OF_ptr[0] * ST_ptr[6]);
      OF_ptr[1] = (OF_ptr[1] * ST_ptr[6]);
      OF_ptr[2] = (OF_ptr[2] * ST_ptr[7]);
      OF_ptr[3] = (OF_ptr[3] * ST_ptr[7]);
      OF_ptr[4] = (OF_ptr[4] * ST_ptr[6]);
      OF_ptr[5] = (OF_ptr[5] * ST_ptr[6]);
      OF_ptr[6] = (OF_ptr[6] * ST_ptr[7]);
      OF_ptr[7] = (OF_ptr[7] * ST_ptr[7]);
      OF_ptr[8] = (OF_ptr[8] * ST_ptr[6]);
      OF_ptr[9] = (OF_ptr[9] * ST_ptr[6]);
      OF_ptr[10] = (OF_ptr[10] * ST_ptr[7]);
      OF_ptr[11] = (OF_ptr[11] * ST_ptr[7]);
      OF_ptr[12] = (OF_ptr[12] * ST_ptr[6]);
      OF_ptr[13] = (OF_ptr[13] * ST_ptr[6]);
      OF_ptr[14] = (OF_ptr[14] * ST_ptr[7]);
      OF_ptr[15] = (OF_ptr[15] * ST_ptr[7]);
      OF_ptr[16] = (OF_ptr[16] * ST_ptr[6]);
      OF_ptr[17] = (OF_ptr[17] * ST_ptr[6]);
      OF_ptr[18] = (OF_ptr[18] * ST_ptr[7]);
      OF_ptr[19] = (OF_ptr[19] * ST_ptr[7]);
      OF_ptr[20] = (OF_ptr[20] * ST_ptr[6]);
      OF_ptr[21] = (OF_ptr[21] * ST_ptr[6]);
      OF_ptr[22] = (OF_ptr[22] * ST_ptr[7]);
      OF_ptr[23] = (OF_ptr[23] * ST_ptr[7]);
      OF_ptr[24] = (OF_ptr[24] * ST_ptr[6]);
      OF_ptr[25] = (OF_ptr[25] * ST_ptr[6]);
      OF_ptr[26] = (OF_ptr[26] * ST_ptr[7]);
      OF_ptr[27] = (OF_ptr[27] * ST_ptr[7]);
      OF_ptr[28] = (OF_ptr[28] * ST_ptr[6]);
      OF_ptr[29] = (OF_ptr[29] * ST_ptr[6]);
      OF_ptr[30] = (OF_ptr[30] * ST_ptr[7]);
      OF_ptr[31] = (OF_ptr[31] * ST_ptr[7]);
      int cse_v20 = ((((int)threadIdx.x) % 16) * 72);
      int cse_v26 = (((((int)threadIdx.x) % 32) / 16) * 8);
      int cse_v33 = (((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8));

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[(((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8))])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 0))[0]), "=f"(((float *)(OF_ptr + 0))[1]), "=f"(((float *)(OF_ptr + 0))[2]), "=f"(((float *)(OF_ptr + 0))[3])
      : "r"(((unsigned *)(PF_ptr + 0))[0]), "r"(((unsigned *)(PF_ptr + 0))[1]), "r"(((unsigned *)(PF_ptr + 0))[2]), "r"(((unsigned *)(PF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 0))[0]), "f"(((float *)(OF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 0))[2]), "f"(((float *)(OF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 4))[0]), "=f"(((float *)(OF_ptr + 4))[1]), "=f"(((float *)(OF_ptr + 4))[2]), "=f"(((float *)(OF_ptr + 4))[3])
      : "r"(((unsigned *)(PF_ptr + 0))[0]), "r"(((unsigned *)(PF_ptr + 0))[1]), "r"(((unsigned *)(PF_ptr + 0))[2]), "r"(((unsigned *)(PF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 4))[0]), "f"(((float *)(OF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 4))[2]), "f"(((float *)(OF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1152)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 0))[0]), "=f"(((float *)(OF_ptr + 0))[1]), "=f"(((float *)(OF_ptr + 0))[2]), "=f"(((float *)(OF_ptr + 0))[3])
      : "r"(((unsigned *)(PF_ptr + 8))[0]), "r"(((unsigned *)(PF_ptr + 8))[1]), "r"(((unsigned *)(PF_ptr + 8))[2]), "r"(((unsigned *)(PF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 0))[0]), "f"(((float *)(OF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 0))[2]), "f"(((float *)(OF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 4))[0]), "=f"(((float *)(OF_ptr + 4))[1]), "=f"(((float *)(OF_ptr + 4))[2]), "=f"(((float *)(OF_ptr + 4))[3])
      : "r"(((unsigned *)(PF_ptr + 8))[0]), "r"(((unsigned *)(PF_ptr + 8))[1]), "r"(((unsigned *)(PF_ptr + 8))[2]), "r"(((unsigned *)(PF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 4))[0]), "f"(((float *)(OF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 4))[2]), "f"(((float *)(OF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 2304)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 0))[0]), "=f"(((float *)(OF_ptr + 0))[1]), "=f"(((float *)(OF_ptr + 0))[2]), "=f"(((float *)(OF_ptr + 0))[3])
      : "r"(((unsigned *)(PF_ptr + 16))[0]), "r"(((unsigned *)(PF_ptr + 16))[1]), "r"(((unsigned *)(PF_ptr + 16))[2]), "r"(((unsigned *)(PF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 0))[0]), "f"(((float *)(OF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 0))[2]), "f"(((float *)(OF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 4))[0]), "=f"(((float *)(OF_ptr + 4))[1]), "=f"(((float *)(OF_ptr + 4))[2]), "=f"(((float *)(OF_ptr + 4))[3])
      : "r"(((unsigned *)(PF_ptr + 16))[0]), "r"(((unsigned *)(PF_ptr + 16))[1]), "r"(((unsigned *)(PF_ptr + 16))[2]), "r"(((unsigned *)(PF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 4))[0]), "f"(((float *)(OF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 4))[2]), "f"(((float *)(OF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 3456)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 0))[0]), "=f"(((float *)(OF_ptr + 0))[1]), "=f"(((float *)(OF_ptr + 0))[2]), "=f"(((float *)(OF_ptr + 0))[3])
      : "r"(((unsigned *)(PF_ptr + 24))[0]), "r"(((unsigned *)(PF_ptr + 24))[1]), "r"(((unsigned *)(PF_ptr + 24))[2]), "r"(((unsigned *)(PF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 0))[0]), "f"(((float *)(OF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 0))[2]), "f"(((float *)(OF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 4))[0]), "=f"(((float *)(OF_ptr + 4))[1]), "=f"(((float *)(OF_ptr + 4))[2]), "=f"(((float *)(OF_ptr + 4))[3])
      : "r"(((unsigned *)(PF_ptr + 24))[0]), "r"(((unsigned *)(PF_ptr + 24))[1]), "r"(((unsigned *)(PF_ptr + 24))[2]), "r"(((unsigned *)(PF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 4))[0]), "f"(((float *)(OF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 4))[2]), "f"(((float *)(OF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 16)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 8))[0]), "=f"(((float *)(OF_ptr + 8))[1]), "=f"(((float *)(OF_ptr + 8))[2]), "=f"(((float *)(OF_ptr + 8))[3])
      : "r"(((unsigned *)(PF_ptr + 0))[0]), "r"(((unsigned *)(PF_ptr + 0))[1]), "r"(((unsigned *)(PF_ptr + 0))[2]), "r"(((unsigned *)(PF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 8))[0]), "f"(((float *)(OF_ptr + 8))[1]), "f"(((float *)(OF_ptr + 8))[2]), "f"(((float *)(OF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 12))[0]), "=f"(((float *)(OF_ptr + 12))[1]), "=f"(((float *)(OF_ptr + 12))[2]), "=f"(((float *)(OF_ptr + 12))[3])
      : "r"(((unsigned *)(PF_ptr + 0))[0]), "r"(((unsigned *)(PF_ptr + 0))[1]), "r"(((unsigned *)(PF_ptr + 0))[2]), "r"(((unsigned *)(PF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 12))[0]), "f"(((float *)(OF_ptr + 12))[1]), "f"(((float *)(OF_ptr + 12))[2]), "f"(((float *)(OF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1168)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 8))[0]), "=f"(((float *)(OF_ptr + 8))[1]), "=f"(((float *)(OF_ptr + 8))[2]), "=f"(((float *)(OF_ptr + 8))[3])
      : "r"(((unsigned *)(PF_ptr + 8))[0]), "r"(((unsigned *)(PF_ptr + 8))[1]), "r"(((unsigned *)(PF_ptr + 8))[2]), "r"(((unsigned *)(PF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 8))[0]), "f"(((float *)(OF_ptr + 8))[1]), "f"(((float *)(OF_ptr + 8))[2]), "f"(((float *)(OF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 12))[0]), "=f"(((float *)(OF_ptr + 12))[1]), "=f"(((float *)(OF_ptr + 12))[2]), "=f"(((float *)(OF_ptr + 12))[3])
      : "r"(((unsigned *)(PF_ptr + 8))[0]), "r"(((unsigned *)(PF_ptr + 8))[1]), "r"(((unsigned *)(PF_ptr + 8))[2]), "r"(((unsigned *)(PF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 12))[0]), "f"(((float *)(OF_ptr + 12))[1]), "f"(((float *)(OF_ptr + 12))[2]), "f"(((float *)(OF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 2320)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 8))[0]), "=f"(((float *)(OF_ptr + 8))[1]), "=f"(((float *)(OF_ptr + 8))[2]), "=f"(((float *)(OF_ptr + 8))[3])
      : "r"(((unsigned *)(PF_ptr + 16))[0]), "r"(((unsigned *)(PF_ptr + 16))[1]), "r"(((unsigned *)(PF_ptr + 16))[2]), "r"(((unsigned *)(PF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 8))[0]), "f"(((float *)(OF_ptr + 8))[1]), "f"(((float *)(OF_ptr + 8))[2]), "f"(((float *)(OF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 12))[0]), "=f"(((float *)(OF_ptr + 12))[1]), "=f"(((float *)(OF_ptr + 12))[2]), "=f"(((float *)(OF_ptr + 12))[3])
      : "r"(((unsigned *)(PF_ptr + 16))[0]), "r"(((unsigned *)(PF_ptr + 16))[1]), "r"(((unsigned *)(PF_ptr + 16))[2]), "r"(((unsigned *)(PF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 12))[0]), "f"(((float *)(OF_ptr + 12))[1]), "f"(((float *)(OF_ptr + 12))[2]), "f"(((float *)(OF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 3472)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 8))[0]), "=f"(((float *)(OF_ptr + 8))[1]), "=f"(((float *)(OF_ptr + 8))[2]), "=f"(((float *)(OF_ptr + 8))[3])
      : "r"(((unsigned *)(PF_ptr + 24))[0]), "r"(((unsigned *)(PF_ptr + 24))[1]), "r"(((unsigned *)(PF_ptr + 24))[2]), "r"(((unsigned *)(PF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 8))[0]), "f"(((float *)(OF_ptr + 8))[1]), "f"(((float *)(OF_ptr + 8))[2]), "f"(((float *)(OF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 12))[0]), "=f"(((float *)(OF_ptr + 12))[1]), "=f"(((float *)(OF_ptr + 12))[2]), "=f"(((float *)(OF_ptr + 12))[3])
      : "r"(((unsigned *)(PF_ptr + 24))[0]), "r"(((unsigned *)(PF_ptr + 24))[1]), "r"(((unsigned *)(PF_ptr + 24))[2]), "r"(((unsigned *)(PF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 12))[0]), "f"(((float *)(OF_ptr + 12))[1]), "f"(((float *)(OF_ptr + 12))[2]), "f"(((float *)(OF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 32)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 16))[0]), "=f"(((float *)(OF_ptr + 16))[1]), "=f"(((float *)(OF_ptr + 16))[2]), "=f"(((float *)(OF_ptr + 16))[3])
      : "r"(((unsigned *)(PF_ptr + 0))[0]), "r"(((unsigned *)(PF_ptr + 0))[1]), "r"(((unsigned *)(PF_ptr + 0))[2]), "r"(((unsigned *)(PF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 16))[0]), "f"(((float *)(OF_ptr + 16))[1]), "f"(((float *)(OF_ptr + 16))[2]), "f"(((float *)(OF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 20))[0]), "=f"(((float *)(OF_ptr + 20))[1]), "=f"(((float *)(OF_ptr + 20))[2]), "=f"(((float *)(OF_ptr + 20))[3])
      : "r"(((unsigned *)(PF_ptr + 0))[0]), "r"(((unsigned *)(PF_ptr + 0))[1]), "r"(((unsigned *)(PF_ptr + 0))[2]), "r"(((unsigned *)(PF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 20))[0]), "f"(((float *)(OF_ptr + 20))[1]), "f"(((float *)(OF_ptr + 20))[2]), "f"(((float *)(OF_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1184)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 16))[0]), "=f"(((float *)(OF_ptr + 16))[1]), "=f"(((float *)(OF_ptr + 16))[2]), "=f"(((float *)(OF_ptr + 16))[3])
      : "r"(((unsigned *)(PF_ptr + 8))[0]), "r"(((unsigned *)(PF_ptr + 8))[1]), "r"(((unsigned *)(PF_ptr + 8))[2]), "r"(((unsigned *)(PF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 16))[0]), "f"(((float *)(OF_ptr + 16))[1]), "f"(((float *)(OF_ptr + 16))[2]), "f"(((float *)(OF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 20))[0]), "=f"(((float *)(OF_ptr + 20))[1]), "=f"(((float *)(OF_ptr + 20))[2]), "=f"(((float *)(OF_ptr + 20))[3])
      : "r"(((unsigned *)(PF_ptr + 8))[0]), "r"(((unsigned *)(PF_ptr + 8))[1]), "r"(((unsigned *)(PF_ptr + 8))[2]), "r"(((unsigned *)(PF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 20))[0]), "f"(((float *)(OF_ptr + 20))[1]), "f"(((float *)(OF_ptr + 20))[2]), "f"(((float *)(OF_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 2336)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 16))[0]), "=f"(((float *)(OF_ptr + 16))[1]), "=f"(((float *)(OF_ptr + 16))[2]), "=f"(((float *)(OF_ptr + 16))[3])
      : "r"(((unsigned *)(PF_ptr + 16))[0]), "r"(((unsigned *)(PF_ptr + 16))[1]), "r"(((unsigned *)(PF_ptr + 16))[2]), "r"(((unsigned *)(PF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 16))[0]), "f"(((float *)(OF_ptr + 16))[1]), "f"(((float *)(OF_ptr + 16))[2]), "f"(((float *)(OF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 20))[0]), "=f"(((float *)(OF_ptr + 20))[1]), "=f"(((float *)(OF_ptr + 20))[2]), "=f"(((float *)(OF_ptr + 20))[3])
      : "r"(((unsigned *)(PF_ptr + 16))[0]), "r"(((unsigned *)(PF_ptr + 16))[1]), "r"(((unsigned *)(PF_ptr + 16))[2]), "r"(((unsigned *)(PF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 20))[0]), "f"(((float *)(OF_ptr + 20))[1]), "f"(((float *)(OF_ptr + 20))[2]), "f"(((float *)(OF_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 3488)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 16))[0]), "=f"(((float *)(OF_ptr + 16))[1]), "=f"(((float *)(OF_ptr + 16))[2]), "=f"(((float *)(OF_ptr + 16))[3])
      : "r"(((unsigned *)(PF_ptr + 24))[0]), "r"(((unsigned *)(PF_ptr + 24))[1]), "r"(((unsigned *)(PF_ptr + 24))[2]), "r"(((unsigned *)(PF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 16))[0]), "f"(((float *)(OF_ptr + 16))[1]), "f"(((float *)(OF_ptr + 16))[2]), "f"(((float *)(OF_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 20))[0]), "=f"(((float *)(OF_ptr + 20))[1]), "=f"(((float *)(OF_ptr + 20))[2]), "=f"(((float *)(OF_ptr + 20))[3])
      : "r"(((unsigned *)(PF_ptr + 24))[0]), "r"(((unsigned *)(PF_ptr + 24))[1]), "r"(((unsigned *)(PF_ptr + 24))[2]), "r"(((unsigned *)(PF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 20))[0]), "f"(((float *)(OF_ptr + 20))[1]), "f"(((float *)(OF_ptr + 20))[2]), "f"(((float *)(OF_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 48)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 24))[0]), "=f"(((float *)(OF_ptr + 24))[1]), "=f"(((float *)(OF_ptr + 24))[2]), "=f"(((float *)(OF_ptr + 24))[3])
      : "r"(((unsigned *)(PF_ptr + 0))[0]), "r"(((unsigned *)(PF_ptr + 0))[1]), "r"(((unsigned *)(PF_ptr + 0))[2]), "r"(((unsigned *)(PF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 24))[0]), "f"(((float *)(OF_ptr + 24))[1]), "f"(((float *)(OF_ptr + 24))[2]), "f"(((float *)(OF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 28))[0]), "=f"(((float *)(OF_ptr + 28))[1]), "=f"(((float *)(OF_ptr + 28))[2]), "=f"(((float *)(OF_ptr + 28))[3])
      : "r"(((unsigned *)(PF_ptr + 0))[0]), "r"(((unsigned *)(PF_ptr + 0))[1]), "r"(((unsigned *)(PF_ptr + 0))[2]), "r"(((unsigned *)(PF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 28))[0]), "f"(((float *)(OF_ptr + 28))[1]), "f"(((float *)(OF_ptr + 28))[2]), "f"(((float *)(OF_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1200)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 24))[0]), "=f"(((float *)(OF_ptr + 24))[1]), "=f"(((float *)(OF_ptr + 24))[2]), "=f"(((float *)(OF_ptr + 24))[3])
      : "r"(((unsigned *)(PF_ptr + 8))[0]), "r"(((unsigned *)(PF_ptr + 8))[1]), "r"(((unsigned *)(PF_ptr + 8))[2]), "r"(((unsigned *)(PF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 24))[0]), "f"(((float *)(OF_ptr + 24))[1]), "f"(((float *)(OF_ptr + 24))[2]), "f"(((float *)(OF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 28))[0]), "=f"(((float *)(OF_ptr + 28))[1]), "=f"(((float *)(OF_ptr + 28))[2]), "=f"(((float *)(OF_ptr + 28))[3])
      : "r"(((unsigned *)(PF_ptr + 8))[0]), "r"(((unsigned *)(PF_ptr + 8))[1]), "r"(((unsigned *)(PF_ptr + 8))[2]), "r"(((unsigned *)(PF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 28))[0]), "f"(((float *)(OF_ptr + 28))[1]), "f"(((float *)(OF_ptr + 28))[2]), "f"(((float *)(OF_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 2352)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 24))[0]), "=f"(((float *)(OF_ptr + 24))[1]), "=f"(((float *)(OF_ptr + 24))[2]), "=f"(((float *)(OF_ptr + 24))[3])
      : "r"(((unsigned *)(PF_ptr + 16))[0]), "r"(((unsigned *)(PF_ptr + 16))[1]), "r"(((unsigned *)(PF_ptr + 16))[2]), "r"(((unsigned *)(PF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 24))[0]), "f"(((float *)(OF_ptr + 24))[1]), "f"(((float *)(OF_ptr + 24))[2]), "f"(((float *)(OF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 28))[0]), "=f"(((float *)(OF_ptr + 28))[1]), "=f"(((float *)(OF_ptr + 28))[2]), "=f"(((float *)(OF_ptr + 28))[3])
      : "r"(((unsigned *)(PF_ptr + 16))[0]), "r"(((unsigned *)(PF_ptr + 16))[1]), "r"(((unsigned *)(PF_ptr + 16))[2]), "r"(((unsigned *)(PF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 28))[0]), "f"(((float *)(OF_ptr + 28))[1]), "f"(((float *)(OF_ptr + 28))[2]), "f"(((float *)(OF_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(VS_ptr[((((((c - 1) % 2) * 4608) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 3504)])) + 0);
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
      :  "=f"(((float *)(OF_ptr + 24))[0]), "=f"(((float *)(OF_ptr + 24))[1]), "=f"(((float *)(OF_ptr + 24))[2]), "=f"(((float *)(OF_ptr + 24))[3])
      : "r"(((unsigned *)(PF_ptr + 24))[0]), "r"(((unsigned *)(PF_ptr + 24))[1]), "r"(((unsigned *)(PF_ptr + 24))[2]), "r"(((unsigned *)(PF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(OF_ptr + 24))[0]), "f"(((float *)(OF_ptr + 24))[1]), "f"(((float *)(OF_ptr + 24))[2]), "f"(((float *)(OF_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(OF_ptr + 28))[0]), "=f"(((float *)(OF_ptr + 28))[1]), "=f"(((float *)(OF_ptr + 28))[2]), "=f"(((float *)(OF_ptr + 28))[3])
      : "r"(((unsigned *)(PF_ptr + 24))[0]), "r"(((unsigned *)(PF_ptr + 24))[1]), "r"(((unsigned *)(PF_ptr + 24))[2]), "r"(((unsigned *)(PF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(OF_ptr + 28))[0]), "f"(((float *)(OF_ptr + 28))[1]), "f"(((float *)(OF_ptr + 28))[2]), "f"(((float *)(OF_ptr + 28))[3]));
  }
    }
  }
  ST_ptr[2] = (ST_ptr[2] + __shfl_xor_sync((uint)4294967295, ST_ptr[2], 1, 32));
  ST_ptr[2] = (ST_ptr[2] + __shfl_xor_sync((uint)4294967295, ST_ptr[2], 2, 32));
  float condval_6;
  if (ST_ptr[2] == 0x0p+0f/*0.000000e+00*/) {
    condval_6 = 0x0p+0f/*0.000000e+00*/;
  } else {
    condval_6 = (0x1p+0f/*1.000000e+00*/ / ST_ptr[2]);
  }
  ST_ptr[4] = condval_6;
  ST_ptr[3] = (ST_ptr[3] + __shfl_xor_sync((uint)4294967295, ST_ptr[3], 1, 32));
  ST_ptr[3] = (ST_ptr[3] + __shfl_xor_sync((uint)4294967295, ST_ptr[3], 2, 32));
  float condval_7;
  if (ST_ptr[3] == 0x0p+0f/*0.000000e+00*/) {
    condval_7 = 0x0p+0f/*0.000000e+00*/;
  } else {
    condval_7 = (0x1p+0f/*1.000000e+00*/ / ST_ptr[3]);
  }
  ST_ptr[5] = condval_7;
  int cse_v39 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1));
  int cse_v41 = (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq));
  if (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) < Lq) {
    int cse_v40 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2));
    O_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2))] = ((nv_bfloat16)(OF_ptr[0] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 1)] = ((nv_bfloat16)(OF_ptr[1] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 8)] = ((nv_bfloat16)(OF_ptr[4] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 9)] = ((nv_bfloat16)(OF_ptr[5] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 16)] = ((nv_bfloat16)(OF_ptr[8] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 17)] = ((nv_bfloat16)(OF_ptr[9] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 24)] = ((nv_bfloat16)(OF_ptr[12] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 25)] = ((nv_bfloat16)(OF_ptr[13] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 32)] = ((nv_bfloat16)(OF_ptr[16] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 33)] = ((nv_bfloat16)(OF_ptr[17] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 40)] = ((nv_bfloat16)(OF_ptr[20] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 41)] = ((nv_bfloat16)(OF_ptr[21] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 48)] = ((nv_bfloat16)(OF_ptr[24] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 49)] = ((nv_bfloat16)(OF_ptr[25] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 56)] = ((nv_bfloat16)(OF_ptr[28] * ST_ptr[4]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * O_s2)) + 57)] = ((nv_bfloat16)(OF_ptr[29] * ST_ptr[4]));
    if ((((int)threadIdx.x) % 4) == 0) {
      float condval_8;
      if (ST_ptr[2] == 0x0p+0f/*0.000000e+00*/) {
        condval_8 = -CUDART_INF_F;
      } else {
        condval_8 = ((ST_ptr[0] + log2f(ST_ptr[2])) * 0x1.62e42fefa39efp-1f/*6.931472e-01*/);
      }
      LSE_ptr[(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq))] = condval_8;
    }
  }
  if ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) < Lq) {
    int cse_v44 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2));
    O_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2))] = ((nv_bfloat16)(OF_ptr[2] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 1)] = ((nv_bfloat16)(OF_ptr[3] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 8)] = ((nv_bfloat16)(OF_ptr[6] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 9)] = ((nv_bfloat16)(OF_ptr[7] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 16)] = ((nv_bfloat16)(OF_ptr[10] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 17)] = ((nv_bfloat16)(OF_ptr[11] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 24)] = ((nv_bfloat16)(OF_ptr[14] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 25)] = ((nv_bfloat16)(OF_ptr[15] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 32)] = ((nv_bfloat16)(OF_ptr[18] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 33)] = ((nv_bfloat16)(OF_ptr[19] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 40)] = ((nv_bfloat16)(OF_ptr[22] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 41)] = ((nv_bfloat16)(OF_ptr[23] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 48)] = ((nv_bfloat16)(OF_ptr[26] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 49)] = ((nv_bfloat16)(OF_ptr[27] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 56)] = ((nv_bfloat16)(OF_ptr[30] * ST_ptr[5]));
    O_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (H * (cse_v2 / 64))) * O_s0)) + (((task / (cse_v2 / 64)) % H) * O_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * O_s2)) + 57)] = ((nv_bfloat16)(OF_ptr[31] * ST_ptr[5]));
    if ((((int)threadIdx.x) % 4) == 0) {
      float condval_9;
      if (ST_ptr[3] == 0x0p+0f/*0.000000e+00*/) {
        condval_9 = -CUDART_INF_F;
      } else {
        condval_9 = ((ST_ptr[1] + log2f(ST_ptr[3])) * 0x1.62e42fefa39efp-1f/*6.931472e-01*/);
      }
      LSE_ptr[((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + ((((task / (H * (cse_v2 / 64))) * H) + ((task / (cse_v2 / 64)) % H)) * Lq)) + 8)] = condval_9;
    }
  }
}

