
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
extern "C" __global__ void __launch_bounds__(128) dkdv_kernel(int64_t* __restrict__ CP_ptr, float* __restrict__ DELTA_ptr, nv_bfloat16* __restrict__ DK_ptr, nv_bfloat16* __restrict__ DO_ptr, nv_bfloat16* __restrict__ DV_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, nv_bfloat16* __restrict__ K_ptr, float* __restrict__ LSE_ptr, int* __restrict__ ORD_ptr, nv_bfloat16* __restrict__ Q_ptr, int* __restrict__ RI_ptr, nv_bfloat16* __restrict__ V_ptr, int DK_s0, int DK_s1, int DK_s2, int DO_s0, int DO_s1, int DO_s2, int DV_s0, int DV_s1, int DV_s2, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v2, int cse_v28, float scale);
extern "C" __global__ void __launch_bounds__(128) dkdv_kernel(int64_t* __restrict__ CP_ptr, float* __restrict__ DELTA_ptr, nv_bfloat16* __restrict__ DK_ptr, nv_bfloat16* __restrict__ DO_ptr, nv_bfloat16* __restrict__ DV_ptr, uchar* __restrict__ FL_ptr, int* __restrict__ HC_ptr, nv_bfloat16* __restrict__ K_ptr, float* __restrict__ LSE_ptr, int* __restrict__ ORD_ptr, nv_bfloat16* __restrict__ Q_ptr, int* __restrict__ RI_ptr, nv_bfloat16* __restrict__ V_ptr, int DK_s0, int DK_s1, int DK_s2, int DO_s0, int DO_s1, int DO_s2, int DV_s0, int DV_s1, int DV_s2, int H, int Hk, int K_s0, int K_s1, int K_s2, int Lk, int Lq, int Q_s0, int Q_s1, int Q_s2, int V_s0, int V_s1, int V_s2, int cse_v2, int cse_v28, float scale) {
  alignas(64) nv_bfloat16 KF_ptr[32];
  alignas(64) nv_bfloat16 VF_ptr[32];
  alignas(64) float KG_ptr[32];
  alignas(64) float VG_ptr[32];
  __shared__ alignas(64) nv_bfloat16 QS_ptr[4608];
  __shared__ alignas(64) nv_bfloat16 DOS_ptr[4608];
  __shared__ alignas(64) float LS_ptr[64];
  __shared__ alignas(64) float DLS_ptr[64];
  alignas(64) float SF_ptr[16];
  alignas(64) nv_bfloat16 BF_ptr[8];
  alignas(64) float PF_ptr[16];
  alignas(64) float PT_ptr[1];
  alignas(64) nv_bfloat16 EA_ptr[16];
  alignas(64) nv_bfloat16 PA_ptr[16];
  int cse_v16 = (cse_v2 / 64);
  int n_kb = (cse_v2 / 64);
  int cse_v3 = (H / Hk);
  int group = (H / Hk);
  int task = ORD_ptr[((int)blockIdx.x)];
  int cse_v38 = (task / (Hk * (cse_v2 / 64)));
  int b = (task / (Hk * (cse_v2 / 64)));
  int cse_v39 = ((task / (cse_v2 / 64)) % Hk);
  int hk = ((task / (cse_v2 / 64)) % Hk);
  int cse_v29 = (task % (cse_v2 / 64));
  int kb = (task % (cse_v2 / 64));
  int cse_v4 = (((int)threadIdx.x) % 32);
  int lane = (((int)threadIdx.x) % 32);
  int cse_v17 = ((((int)threadIdx.x) % 32) / 4);
  int g = ((((int)threadIdx.x) % 32) / 4);
  int cse_v5 = (((int)threadIdx.x) % 4);
  int tq = (((int)threadIdx.x) % 4);
  int cse_v40 = ((task % (cse_v2 / 64)) * 64);
  int cse_v41 = (((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16));
  int cse_v47 = ((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4));
  int k0 = ((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4));
  int cse_v6 = (Lk - 1);
  int cse_v18 = ((((int)threadIdx.x) % 4) * 2);
  int cse_v68 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1));
  int cse_v69 = min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1));
  int cse_v95 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2));
  KF_ptr[0] = K_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2))];
  int cse_v70 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1));
  int cse_v96 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2));
  VF_ptr[0] = V_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2))];
  KF_ptr[1] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 1)];
  VF_ptr[1] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 1)];
  int cse_v71 = (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8);
  int cse_v91 = min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1));
  int cse_v100 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2));
  KF_ptr[2] = K_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2))];
  int cse_v101 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2));
  VF_ptr[2] = V_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2))];
  KF_ptr[3] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 1)];
  VF_ptr[3] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 1)];
  KF_ptr[4] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 8)];
  VF_ptr[4] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 8)];
  KF_ptr[5] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 9)];
  VF_ptr[5] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 9)];
  KF_ptr[6] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 8)];
  VF_ptr[6] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 8)];
  KF_ptr[7] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 9)];
  VF_ptr[7] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 9)];
  KF_ptr[8] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 16)];
  VF_ptr[8] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 16)];
  KF_ptr[9] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 17)];
  VF_ptr[9] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 17)];
  KF_ptr[10] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 16)];
  VF_ptr[10] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 16)];
  KF_ptr[11] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 17)];
  VF_ptr[11] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 17)];
  KF_ptr[12] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 24)];
  VF_ptr[12] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 24)];
  KF_ptr[13] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 25)];
  VF_ptr[13] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 25)];
  KF_ptr[14] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 24)];
  VF_ptr[14] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 24)];
  KF_ptr[15] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 25)];
  VF_ptr[15] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 25)];
  KF_ptr[16] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 32)];
  VF_ptr[16] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 32)];
  KF_ptr[17] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 33)];
  VF_ptr[17] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 33)];
  KF_ptr[18] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 32)];
  VF_ptr[18] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 32)];
  KF_ptr[19] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 33)];
  VF_ptr[19] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 33)];
  KF_ptr[20] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 40)];
  VF_ptr[20] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 40)];
  KF_ptr[21] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 41)];
  VF_ptr[21] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 41)];
  KF_ptr[22] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 40)];
  VF_ptr[22] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 40)];
  KF_ptr[23] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 41)];
  VF_ptr[23] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 41)];
  KF_ptr[24] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 48)];
  VF_ptr[24] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 48)];
  KF_ptr[25] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 49)];
  VF_ptr[25] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 49)];
  KF_ptr[26] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 48)];
  VF_ptr[26] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 48)];
  KF_ptr[27] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 49)];
  VF_ptr[27] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 49)];
  KF_ptr[28] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 56)];
  VF_ptr[28] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 56)];
  KF_ptr[29] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * K_s2)) + 57)];
  VF_ptr[29] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min(((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1)) * V_s2)) + 57)];
  KF_ptr[30] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 56)];
  VF_ptr[30] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 56)];
  KF_ptr[31] = K_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * K_s0)) + (((task / (cse_v2 / 64)) % Hk) * K_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * K_s2)) + 57)];
  VF_ptr[31] = V_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * V_s0)) + (((task / (cse_v2 / 64)) % Hk) * V_s1)) + (min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8), (Lk - 1)) * V_s2)) + 57)];
  KG_ptr[0] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[0] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[1] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[1] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[2] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[2] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[3] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[3] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[4] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[4] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[5] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[5] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[6] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[6] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[7] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[7] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[8] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[8] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[9] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[9] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[10] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[10] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[11] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[11] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[12] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[12] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[13] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[13] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[14] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[14] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[15] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[15] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[16] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[16] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[17] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[17] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[18] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[18] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[19] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[19] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[20] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[20] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[21] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[21] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[22] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[22] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[23] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[23] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[24] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[24] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[25] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[25] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[26] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[26] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[27] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[27] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[28] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[28] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[29] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[29] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[30] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[30] = 0x0p+0f/*0.000000e+00*/;
  KG_ptr[31] = 0x0p+0f/*0.000000e+00*/;
  VG_ptr[31] = 0x0p+0f/*0.000000e+00*/;
  for (int hh = 0; hh < (H / Hk); ++hh) {
    int cse_v42 = (((task / (cse_v2 / 64)) % Hk) * (H / Hk));
    int cse_v48 = ((((task / (cse_v2 / 64)) % Hk) * (H / Hk)) + hh);
    int h = ((((task / (cse_v2 / 64)) % Hk) * (H / Hk)) + hh);
    int cse_v43 = ((task / (Hk * (cse_v2 / 64))) * H);
    int cidx = ((HC_ptr[((hh + ((task / (Hk * (cse_v2 / 64))) * H)) + (((task / (cse_v2 / 64)) % Hk) * (H / Hk)))] * ((cse_v2 / 64) + 1)) + (task % (cse_v2 / 64)));
    int ebeg = ((int)CP_ptr[cidx]);
    int n_t = ((((int)CP_ptr[(cidx + 1)]) * 2) - (ebeg * 2));
    for (int c = 0; c < (n_t + 1); ++c) {
      __syncthreads();
      int cse_v9 = (((int)threadIdx.x) % 8);
      int cse_v10 = (Lq - 1);
      if (c < n_t) {
        int cse_v7 = (c % 2);
        int cse_v19 = ((c % 2) * 32);
        int ql = ((RI_ptr[((c / 2) + ebeg)] * 64) + ((c % 2) * 32));
        for (int e = 0; e < 2; ++e) {
          int cse_v8 = (((int)threadIdx.x) / 8);
          int cse_v20 = ((e * 16) + (((int)threadIdx.x) / 8));
          int tr = ((e * 16) + (((int)threadIdx.x) / 8));
          int cse_v21 = ((((int)threadIdx.x) % 8) * 8);
          int tc = ((((int)threadIdx.x) % 8) * 8);
          int cse_v30 = (((e * 16) + (((int)threadIdx.x) / 8)) + ql);
          int cse_v44 = (((((c % 2) * 2304) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8));
          if ((((e * 16) + (((int)threadIdx.x) / 8)) + ql) < Lq) {
            ptx_cp_async_legacy_cg_16_0_0((&(QS_ptr[(((((c % 2) * 2304) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8))])), 0, (&(Q_ptr[(((((((int)threadIdx.x) % 8) * 8) + ((task / (Hk * (cse_v2 / 64))) * Q_s0)) + (((((task / (cse_v2 / 64)) % Hk) * (H / Hk)) + hh) * Q_s1)) + ((((e * 16) + (((int)threadIdx.x) / 8)) + ql) * Q_s2))])), 0);
            ptx_cp_async_legacy_cg_16_0_0((&(DOS_ptr[(((((c % 2) * 2304) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8))])), 0, (&(DO_ptr[(((((((int)threadIdx.x) % 8) * 8) + ((task / (Hk * (cse_v2 / 64))) * DO_s0)) + (((((task / (cse_v2 / 64)) % Hk) * (H / Hk)) + hh) * DO_s1)) + ((((e * 16) + (((int)threadIdx.x) / 8)) + ql) * DO_s2))])), 0);
          } else {
            *(uint4*)(QS_ptr + (((((c % 2) * 2304) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8))) = make_uint4(__pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)));
            *(uint4*)(DOS_ptr + (((((c % 2) * 2304) + (e * 1152)) + ((((int)threadIdx.x) / 8) * 72)) + ((((int)threadIdx.x) % 8) * 8))) = make_uint4(__pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)), __pack_nv_bfloat162(__float2bfloat16_rn(0x0p+0f/*0.000000e+00*/), __float2bfloat16_rn(0x0p+0f/*0.000000e+00*/)));
          }
        }
        if (((int)threadIdx.x) < 32) {
          int cse_v31 = (((c % 2) * 32) + ((int)threadIdx.x));
          int cse_v97 = (min((ql + ((int)threadIdx.x)), (Lq - 1)) + (((((task / (Hk * (cse_v2 / 64))) * H) + (((task / (cse_v2 / 64)) % Hk) * (H / Hk))) + hh) * Lq));
          float condval;
          if ((LSE_ptr[(min((ql + ((int)threadIdx.x)), (Lq - 1)) + (((((task / (Hk * (cse_v2 / 64))) * H) + (((task / (cse_v2 / 64)) % Hk) * (H / Hk))) + hh) * Lq))] * 0x1.71547652b82fep+0f/*1.442695e+00*/) == -CUDART_INF_F) {
            condval = CUDART_INF_F;
          } else {
            condval = (LSE_ptr[(min((ql + ((int)threadIdx.x)), (Lq - 1)) + (((((task / (Hk * (cse_v2 / 64))) * H) + (((task / (cse_v2 / 64)) % Hk) * (H / Hk))) + hh) * Lq))] * 0x1.71547652b82fep+0f/*1.442695e+00*/);
          }
          LS_ptr[(((c % 2) * 32) + ((int)threadIdx.x))] = condval;
          DLS_ptr[(((c % 2) * 32) + ((int)threadIdx.x))] = DELTA_ptr[(min((ql + ((int)threadIdx.x)), (Lq - 1)) + (((((task / (Hk * (cse_v2 / 64))) * H) + (((task / (cse_v2 / 64)) % Hk) * (H / Hk))) + hh) * Lq))];
        }
      }
      tvm_builtin_ptx_cp_async_commit_group_async_commit_group();
      if (1 <= c) {
        tvm_builtin_ptx_cp_async_wait_group_async_wait_group_1();
        __syncthreads();
        int cse_v11 = (c - 1);
        int cc = (c - 1);
        int cse_v32 = (((c - 1) / 2) + ebeg);
        int e_1 = (((c - 1) / 2) + ebeg);
        int cse_v22 = ((c - 1) % 2);
        int cse_v33 = (((c - 1) % 2) * 32);
        int qc = ((RI_ptr[(((c - 1) / 2) + ebeg)] * 64) + (((c - 1) % 2) * 32));
        int cse_v34 = (((c - 1) % 2) * 2304);
        int so = (((c - 1) % 2) * 2304);
        int lo = (((c - 1) % 2) * 32);
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
        int cse_v12 = (((int)threadIdx.x) % 16);
        int cse_v23 = ((((int)threadIdx.x) % 32) / 16);
        int cse_v24 = ((((int)threadIdx.x) % 8) * 72);
        int cse_v35 = (((((int)threadIdx.x) % 32) / 16) * 576);
        int cse_v36 = (((((int)threadIdx.x) % 16) / 8) * 8);
        int cse_v49 = ((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8));
        int cse_v72 = ((((4608 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8))])) + 0);
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
      : "r"(((unsigned *)(KF_ptr + 0))[0]), "r"(((unsigned *)(KF_ptr + 0))[1]), "r"(((unsigned *)(KF_ptr + 0))[2]), "r"(((unsigned *)(KF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[0]), "f"(((float *)(SF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[2]), "f"(((float *)(SF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 4))[0]), "=f"(((float *)(SF_ptr + 4))[1]), "=f"(((float *)(SF_ptr + 4))[2]), "=f"(((float *)(SF_ptr + 4))[3])
      : "r"(((unsigned *)(KF_ptr + 0))[0]), "r"(((unsigned *)(KF_ptr + 0))[1]), "r"(((unsigned *)(KF_ptr + 0))[2]), "r"(((unsigned *)(KF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[0]), "f"(((float *)(SF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[2]), "f"(((float *)(SF_ptr + 4))[3]));
  }
        int cse_v73 = (((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 16);
        int cse_v74 = ((((4592 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 16)])) + 0);
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
      : "r"(((unsigned *)(KF_ptr + 8))[0]), "r"(((unsigned *)(KF_ptr + 8))[1]), "r"(((unsigned *)(KF_ptr + 8))[2]), "r"(((unsigned *)(KF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[0]), "f"(((float *)(SF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[2]), "f"(((float *)(SF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 4))[0]), "=f"(((float *)(SF_ptr + 4))[1]), "=f"(((float *)(SF_ptr + 4))[2]), "=f"(((float *)(SF_ptr + 4))[3])
      : "r"(((unsigned *)(KF_ptr + 8))[0]), "r"(((unsigned *)(KF_ptr + 8))[1]), "r"(((unsigned *)(KF_ptr + 8))[2]), "r"(((unsigned *)(KF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[0]), "f"(((float *)(SF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[2]), "f"(((float *)(SF_ptr + 4))[3]));
  }
        int cse_v75 = (((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 32);
        int cse_v76 = ((((4576 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 32)])) + 0);
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
      : "r"(((unsigned *)(KF_ptr + 16))[0]), "r"(((unsigned *)(KF_ptr + 16))[1]), "r"(((unsigned *)(KF_ptr + 16))[2]), "r"(((unsigned *)(KF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[0]), "f"(((float *)(SF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[2]), "f"(((float *)(SF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 4))[0]), "=f"(((float *)(SF_ptr + 4))[1]), "=f"(((float *)(SF_ptr + 4))[2]), "=f"(((float *)(SF_ptr + 4))[3])
      : "r"(((unsigned *)(KF_ptr + 16))[0]), "r"(((unsigned *)(KF_ptr + 16))[1]), "r"(((unsigned *)(KF_ptr + 16))[2]), "r"(((unsigned *)(KF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[0]), "f"(((float *)(SF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[2]), "f"(((float *)(SF_ptr + 4))[3]));
  }
        int cse_v77 = (((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 48);
        int cse_v78 = ((((4560 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 48)])) + 0);
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
      : "r"(((unsigned *)(KF_ptr + 24))[0]), "r"(((unsigned *)(KF_ptr + 24))[1]), "r"(((unsigned *)(KF_ptr + 24))[2]), "r"(((unsigned *)(KF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[0]), "f"(((float *)(SF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 0))[2]), "f"(((float *)(SF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 4))[0]), "=f"(((float *)(SF_ptr + 4))[1]), "=f"(((float *)(SF_ptr + 4))[2]), "=f"(((float *)(SF_ptr + 4))[3])
      : "r"(((unsigned *)(KF_ptr + 24))[0]), "r"(((unsigned *)(KF_ptr + 24))[1]), "r"(((unsigned *)(KF_ptr + 24))[2]), "r"(((unsigned *)(KF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[0]), "f"(((float *)(SF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 4))[2]), "f"(((float *)(SF_ptr + 4))[3]));
  }
        int cse_v79 = (((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1152);
        int cse_v80 = ((((3456 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1152)])) + 0);
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
      : "r"(((unsigned *)(KF_ptr + 0))[0]), "r"(((unsigned *)(KF_ptr + 0))[1]), "r"(((unsigned *)(KF_ptr + 0))[2]), "r"(((unsigned *)(KF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 8))[0]), "f"(((float *)(SF_ptr + 8))[1]), "f"(((float *)(SF_ptr + 8))[2]), "f"(((float *)(SF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 12))[0]), "=f"(((float *)(SF_ptr + 12))[1]), "=f"(((float *)(SF_ptr + 12))[2]), "=f"(((float *)(SF_ptr + 12))[3])
      : "r"(((unsigned *)(KF_ptr + 0))[0]), "r"(((unsigned *)(KF_ptr + 0))[1]), "r"(((unsigned *)(KF_ptr + 0))[2]), "r"(((unsigned *)(KF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 12))[0]), "f"(((float *)(SF_ptr + 12))[1]), "f"(((float *)(SF_ptr + 12))[2]), "f"(((float *)(SF_ptr + 12))[3]));
  }
        int cse_v81 = (((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1168);
        int cse_v82 = ((((3440 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1168)])) + 0);
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
      : "r"(((unsigned *)(KF_ptr + 8))[0]), "r"(((unsigned *)(KF_ptr + 8))[1]), "r"(((unsigned *)(KF_ptr + 8))[2]), "r"(((unsigned *)(KF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 8))[0]), "f"(((float *)(SF_ptr + 8))[1]), "f"(((float *)(SF_ptr + 8))[2]), "f"(((float *)(SF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 12))[0]), "=f"(((float *)(SF_ptr + 12))[1]), "=f"(((float *)(SF_ptr + 12))[2]), "=f"(((float *)(SF_ptr + 12))[3])
      : "r"(((unsigned *)(KF_ptr + 8))[0]), "r"(((unsigned *)(KF_ptr + 8))[1]), "r"(((unsigned *)(KF_ptr + 8))[2]), "r"(((unsigned *)(KF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 12))[0]), "f"(((float *)(SF_ptr + 12))[1]), "f"(((float *)(SF_ptr + 12))[2]), "f"(((float *)(SF_ptr + 12))[3]));
  }
        int cse_v83 = (((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1184);
        int cse_v84 = ((((3424 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1184)])) + 0);
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
      : "r"(((unsigned *)(KF_ptr + 16))[0]), "r"(((unsigned *)(KF_ptr + 16))[1]), "r"(((unsigned *)(KF_ptr + 16))[2]), "r"(((unsigned *)(KF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 8))[0]), "f"(((float *)(SF_ptr + 8))[1]), "f"(((float *)(SF_ptr + 8))[2]), "f"(((float *)(SF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 12))[0]), "=f"(((float *)(SF_ptr + 12))[1]), "=f"(((float *)(SF_ptr + 12))[2]), "=f"(((float *)(SF_ptr + 12))[3])
      : "r"(((unsigned *)(KF_ptr + 16))[0]), "r"(((unsigned *)(KF_ptr + 16))[1]), "r"(((unsigned *)(KF_ptr + 16))[2]), "r"(((unsigned *)(KF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 12))[0]), "f"(((float *)(SF_ptr + 12))[1]), "f"(((float *)(SF_ptr + 12))[2]), "f"(((float *)(SF_ptr + 12))[3]));
  }
        int cse_v85 = (((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1200);
        int cse_v86 = ((((3408 - (((((int)threadIdx.x) % 16) / 8) * 8)) - ((((int)threadIdx.x) % 8) * 72)) - (((((int)threadIdx.x) % 32) / 16) * 576)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1200)])) + 0);
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
      : "r"(((unsigned *)(KF_ptr + 24))[0]), "r"(((unsigned *)(KF_ptr + 24))[1]), "r"(((unsigned *)(KF_ptr + 24))[2]), "r"(((unsigned *)(KF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(SF_ptr + 8))[0]), "f"(((float *)(SF_ptr + 8))[1]), "f"(((float *)(SF_ptr + 8))[2]), "f"(((float *)(SF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(SF_ptr + 12))[0]), "=f"(((float *)(SF_ptr + 12))[1]), "=f"(((float *)(SF_ptr + 12))[2]), "=f"(((float *)(SF_ptr + 12))[3])
      : "r"(((unsigned *)(KF_ptr + 24))[0]), "r"(((unsigned *)(KF_ptr + 24))[1]), "r"(((unsigned *)(KF_ptr + 24))[2]), "r"(((unsigned *)(KF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(SF_ptr + 12))[0]), "f"(((float *)(SF_ptr + 12))[1]), "f"(((float *)(SF_ptr + 12))[2]), "f"(((float *)(SF_ptr + 12))[3]));
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

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8))])) + 0);
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
      : "r"(((unsigned *)(VF_ptr + 0))[0]), "r"(((unsigned *)(VF_ptr + 0))[1]), "r"(((unsigned *)(VF_ptr + 0))[2]), "r"(((unsigned *)(VF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[0]), "f"(((float *)(PF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[2]), "f"(((float *)(PF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 4))[0]), "=f"(((float *)(PF_ptr + 4))[1]), "=f"(((float *)(PF_ptr + 4))[2]), "=f"(((float *)(PF_ptr + 4))[3])
      : "r"(((unsigned *)(VF_ptr + 0))[0]), "r"(((unsigned *)(VF_ptr + 0))[1]), "r"(((unsigned *)(VF_ptr + 0))[2]), "r"(((unsigned *)(VF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[0]), "f"(((float *)(PF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[2]), "f"(((float *)(PF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 16)])) + 0);
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
      : "r"(((unsigned *)(VF_ptr + 8))[0]), "r"(((unsigned *)(VF_ptr + 8))[1]), "r"(((unsigned *)(VF_ptr + 8))[2]), "r"(((unsigned *)(VF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[0]), "f"(((float *)(PF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[2]), "f"(((float *)(PF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 4))[0]), "=f"(((float *)(PF_ptr + 4))[1]), "=f"(((float *)(PF_ptr + 4))[2]), "=f"(((float *)(PF_ptr + 4))[3])
      : "r"(((unsigned *)(VF_ptr + 8))[0]), "r"(((unsigned *)(VF_ptr + 8))[1]), "r"(((unsigned *)(VF_ptr + 8))[2]), "r"(((unsigned *)(VF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[0]), "f"(((float *)(PF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[2]), "f"(((float *)(PF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 32)])) + 0);
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
      : "r"(((unsigned *)(VF_ptr + 16))[0]), "r"(((unsigned *)(VF_ptr + 16))[1]), "r"(((unsigned *)(VF_ptr + 16))[2]), "r"(((unsigned *)(VF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[0]), "f"(((float *)(PF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[2]), "f"(((float *)(PF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 4))[0]), "=f"(((float *)(PF_ptr + 4))[1]), "=f"(((float *)(PF_ptr + 4))[2]), "=f"(((float *)(PF_ptr + 4))[3])
      : "r"(((unsigned *)(VF_ptr + 16))[0]), "r"(((unsigned *)(VF_ptr + 16))[1]), "r"(((unsigned *)(VF_ptr + 16))[2]), "r"(((unsigned *)(VF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[0]), "f"(((float *)(PF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[2]), "f"(((float *)(PF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 48)])) + 0);
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
      : "r"(((unsigned *)(VF_ptr + 24))[0]), "r"(((unsigned *)(VF_ptr + 24))[1]), "r"(((unsigned *)(VF_ptr + 24))[2]), "r"(((unsigned *)(VF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[0]), "f"(((float *)(PF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 0))[2]), "f"(((float *)(PF_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 4))[0]), "=f"(((float *)(PF_ptr + 4))[1]), "=f"(((float *)(PF_ptr + 4))[2]), "=f"(((float *)(PF_ptr + 4))[3])
      : "r"(((unsigned *)(VF_ptr + 24))[0]), "r"(((unsigned *)(VF_ptr + 24))[1]), "r"(((unsigned *)(VF_ptr + 24))[2]), "r"(((unsigned *)(VF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[0]), "f"(((float *)(PF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 4))[2]), "f"(((float *)(PF_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1152)])) + 0);
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
      : "r"(((unsigned *)(VF_ptr + 0))[0]), "r"(((unsigned *)(VF_ptr + 0))[1]), "r"(((unsigned *)(VF_ptr + 0))[2]), "r"(((unsigned *)(VF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 8))[0]), "f"(((float *)(PF_ptr + 8))[1]), "f"(((float *)(PF_ptr + 8))[2]), "f"(((float *)(PF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 12))[0]), "=f"(((float *)(PF_ptr + 12))[1]), "=f"(((float *)(PF_ptr + 12))[2]), "=f"(((float *)(PF_ptr + 12))[3])
      : "r"(((unsigned *)(VF_ptr + 0))[0]), "r"(((unsigned *)(VF_ptr + 0))[1]), "r"(((unsigned *)(VF_ptr + 0))[2]), "r"(((unsigned *)(VF_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 12))[0]), "f"(((float *)(PF_ptr + 12))[1]), "f"(((float *)(PF_ptr + 12))[2]), "f"(((float *)(PF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1168)])) + 0);
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
      : "r"(((unsigned *)(VF_ptr + 8))[0]), "r"(((unsigned *)(VF_ptr + 8))[1]), "r"(((unsigned *)(VF_ptr + 8))[2]), "r"(((unsigned *)(VF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 8))[0]), "f"(((float *)(PF_ptr + 8))[1]), "f"(((float *)(PF_ptr + 8))[2]), "f"(((float *)(PF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 12))[0]), "=f"(((float *)(PF_ptr + 12))[1]), "=f"(((float *)(PF_ptr + 12))[2]), "=f"(((float *)(PF_ptr + 12))[3])
      : "r"(((unsigned *)(VF_ptr + 8))[0]), "r"(((unsigned *)(VF_ptr + 8))[1]), "r"(((unsigned *)(VF_ptr + 8))[2]), "r"(((unsigned *)(VF_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 12))[0]), "f"(((float *)(PF_ptr + 12))[1]), "f"(((float *)(PF_ptr + 12))[2]), "f"(((float *)(PF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1184)])) + 0);
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
      : "r"(((unsigned *)(VF_ptr + 16))[0]), "r"(((unsigned *)(VF_ptr + 16))[1]), "r"(((unsigned *)(VF_ptr + 16))[2]), "r"(((unsigned *)(VF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 8))[0]), "f"(((float *)(PF_ptr + 8))[1]), "f"(((float *)(PF_ptr + 8))[2]), "f"(((float *)(PF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 12))[0]), "=f"(((float *)(PF_ptr + 12))[1]), "=f"(((float *)(PF_ptr + 12))[2]), "=f"(((float *)(PF_ptr + 12))[3])
      : "r"(((unsigned *)(VF_ptr + 16))[0]), "r"(((unsigned *)(VF_ptr + 16))[1]), "r"(((unsigned *)(VF_ptr + 16))[2]), "r"(((unsigned *)(VF_ptr + 16))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 12))[0]), "f"(((float *)(PF_ptr + 12))[1]), "f"(((float *)(PF_ptr + 12))[2]), "f"(((float *)(PF_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[(((((((c - 1) % 2) * 2304) + (((((int)threadIdx.x) % 32) / 16) * 576)) + ((((int)threadIdx.x) % 8) * 72)) + (((((int)threadIdx.x) % 16) / 8) * 8)) + 1200)])) + 0);
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
      : "r"(((unsigned *)(VF_ptr + 24))[0]), "r"(((unsigned *)(VF_ptr + 24))[1]), "r"(((unsigned *)(VF_ptr + 24))[2]), "r"(((unsigned *)(VF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(PF_ptr + 8))[0]), "f"(((float *)(PF_ptr + 8))[1]), "f"(((float *)(PF_ptr + 8))[2]), "f"(((float *)(PF_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(PF_ptr + 12))[0]), "=f"(((float *)(PF_ptr + 12))[1]), "=f"(((float *)(PF_ptr + 12))[2]), "=f"(((float *)(PF_ptr + 12))[3])
      : "r"(((unsigned *)(VF_ptr + 24))[0]), "r"(((unsigned *)(VF_ptr + 24))[1]), "r"(((unsigned *)(VF_ptr + 24))[2]), "r"(((unsigned *)(VF_ptr + 24))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(PF_ptr + 12))[0]), "f"(((float *)(PF_ptr + 12))[1]), "f"(((float *)(PF_ptr + 12))[2]), "f"(((float *)(PF_ptr + 12))[3]));
  }
        if (FL_ptr[(((c - 1) / 2) + ebeg)] == (uchar)0) {
          #pragma unroll
          for (int x = 0; x < 16; ++x) {
            int cse_v13 = (x & 1);
            int cse_v25 = ((x >> 2) * 8);
            int cse_v45 = (((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + qc) + (x & 1));
            int cse_v50 = ((((((c - 1) % 2) * 32) + ((x >> 2) * 8)) + ((((int)threadIdx.x) % 4) * 2)) + (x & 1));
            int cse_v87 = (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4));
            int cse_v88 = (min((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + qc) + (x & 1)), (Lq - 1)) + Lk);
            int cse_v92 = ((min((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + qc) + (x & 1)), (Lq - 1)) + Lk) - Lq);
            float condval_1;
            if (((((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + qc) + (x & 1)) < Lq) && ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)) < Lk)) && (((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)) <= ((min((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + qc) + (x & 1)), (Lq - 1)) + Lk) - Lq)) || (Lk <= (((min((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + qc) + (x & 1)), (Lq - 1)) + Lk) + 1) - Lq)))) && ((((min((((((x >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + qc) + (x & 1)), (Lq - 1)) + Lk) - Lq) - min((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)), (Lk - 1))) < 256)) {
              condval_1 = exp2f((((SF_ptr[x] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/) - LS_ptr[((((((c - 1) % 2) * 32) + ((x >> 2) * 8)) + ((((int)threadIdx.x) % 4) * 2)) + (x & 1))]));
            } else {
              condval_1 = 0x0p+0f/*0.000000e+00*/;
            }
            PT_ptr[0] = condval_1;
            EA_ptr[x] = ((nv_bfloat16)(PT_ptr[0] * (PF_ptr[x] - DLS_ptr[((((((c - 1) % 2) * 32) + ((x >> 2) * 8)) + ((((int)threadIdx.x) % 4) * 2)) + (x & 1))])));
            PA_ptr[x] = ((nv_bfloat16)PT_ptr[0]);
          }
        } else {
          if ((Lq < (qc + 32)) || (Lk < (((task % (cse_v2 / 64)) * 64) + 64))) {
            #pragma unroll
            for (int x_1 = 0; x_1 < 16; ++x_1) {
              int cse_v14 = (x_1 & 1);
              int cse_v26 = ((x_1 >> 2) * 8);
              int cse_v51 = ((((((c - 1) % 2) * 32) + ((x_1 >> 2) * 8)) + ((((int)threadIdx.x) % 4) * 2)) + (x_1 & 1));
              float condval_2;
              if (((((((x_1 >> 2) * 8) + ((((int)threadIdx.x) % 4) * 2)) + qc) + (x_1 & 1)) < Lq) && ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + (((x_1 & 3) >> 1) * 8)) + ((((int)threadIdx.x) % 32) / 4)) < Lk)) {
                condval_2 = exp2f((((SF_ptr[x_1] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/) - LS_ptr[((((((c - 1) % 2) * 32) + ((x_1 >> 2) * 8)) + ((((int)threadIdx.x) % 4) * 2)) + (x_1 & 1))]));
              } else {
                condval_2 = 0x0p+0f/*0.000000e+00*/;
              }
              PT_ptr[0] = condval_2;
              EA_ptr[x_1] = ((nv_bfloat16)(PT_ptr[0] * (PF_ptr[x_1] - DLS_ptr[((((((c - 1) % 2) * 32) + ((x_1 >> 2) * 8)) + ((((int)threadIdx.x) % 4) * 2)) + (x_1 & 1))])));
              PA_ptr[x_1] = ((nv_bfloat16)PT_ptr[0]);
            }
          } else {
            #pragma unroll
            for (int x_2 = 0; x_2 < 16; ++x_2) {
              int cse_v52 = ((((((c - 1) % 2) * 32) + ((x_2 >> 2) * 8)) + ((((int)threadIdx.x) % 4) * 2)) + (x_2 & 1));
              PT_ptr[0] = exp2f((((SF_ptr[x_2] * scale) * 0x1.71547652b82fep+0f/*1.442695e+00*/) - LS_ptr[((((((c - 1) % 2) * 32) + ((x_2 >> 2) * 8)) + ((((int)threadIdx.x) % 4) * 2)) + (x_2 & 1))]));
              EA_ptr[x_2] = ((nv_bfloat16)(PT_ptr[0] * (PF_ptr[x_2] - DLS_ptr[((((((c - 1) % 2) * 32) + ((x_2 >> 2) * 8)) + ((((int)threadIdx.x) % 4) * 2)) + (x_2 & 1))])));
              PA_ptr[x_2] = ((nv_bfloat16)PT_ptr[0]);
            }
          }
        }
        int cse_v27 = ((((int)threadIdx.x) % 16) * 72);
        int cse_v37 = (((((int)threadIdx.x) % 32) / 16) * 8);
        int cse_v46 = (((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8));
        int cse_v53 = (((4608 - (((((int)threadIdx.x) % 32) / 16) * 8)) - ((((int)threadIdx.x) % 16) * 72)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[(((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8))])) + 0);
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
      :  "=f"(((float *)(VG_ptr + 0))[0]), "=f"(((float *)(VG_ptr + 0))[1]), "=f"(((float *)(VG_ptr + 0))[2]), "=f"(((float *)(VG_ptr + 0))[3])
      : "r"(((unsigned *)(PA_ptr + 0))[0]), "r"(((unsigned *)(PA_ptr + 0))[1]), "r"(((unsigned *)(PA_ptr + 0))[2]), "r"(((unsigned *)(PA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(VG_ptr + 0))[0]), "f"(((float *)(VG_ptr + 0))[1]), "f"(((float *)(VG_ptr + 0))[2]), "f"(((float *)(VG_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(VG_ptr + 4))[0]), "=f"(((float *)(VG_ptr + 4))[1]), "=f"(((float *)(VG_ptr + 4))[2]), "=f"(((float *)(VG_ptr + 4))[3])
      : "r"(((unsigned *)(PA_ptr + 0))[0]), "r"(((unsigned *)(PA_ptr + 0))[1]), "r"(((unsigned *)(PA_ptr + 0))[2]), "r"(((unsigned *)(PA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(VG_ptr + 4))[0]), "f"(((float *)(VG_ptr + 4))[1]), "f"(((float *)(VG_ptr + 4))[2]), "f"(((float *)(VG_ptr + 4))[3]));
  }
        int cse_v54 = ((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1152);
        int cse_v55 = (((3456 - (((((int)threadIdx.x) % 32) / 16) * 8)) - ((((int)threadIdx.x) % 16) * 72)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1152)])) + 0);
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
      :  "=f"(((float *)(VG_ptr + 0))[0]), "=f"(((float *)(VG_ptr + 0))[1]), "=f"(((float *)(VG_ptr + 0))[2]), "=f"(((float *)(VG_ptr + 0))[3])
      : "r"(((unsigned *)(PA_ptr + 8))[0]), "r"(((unsigned *)(PA_ptr + 8))[1]), "r"(((unsigned *)(PA_ptr + 8))[2]), "r"(((unsigned *)(PA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(VG_ptr + 0))[0]), "f"(((float *)(VG_ptr + 0))[1]), "f"(((float *)(VG_ptr + 0))[2]), "f"(((float *)(VG_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(VG_ptr + 4))[0]), "=f"(((float *)(VG_ptr + 4))[1]), "=f"(((float *)(VG_ptr + 4))[2]), "=f"(((float *)(VG_ptr + 4))[3])
      : "r"(((unsigned *)(PA_ptr + 8))[0]), "r"(((unsigned *)(PA_ptr + 8))[1]), "r"(((unsigned *)(PA_ptr + 8))[2]), "r"(((unsigned *)(PA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(VG_ptr + 4))[0]), "f"(((float *)(VG_ptr + 4))[1]), "f"(((float *)(VG_ptr + 4))[2]), "f"(((float *)(VG_ptr + 4))[3]));
  }
        int cse_v56 = ((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 16);
        int cse_v57 = (((4592 - (((((int)threadIdx.x) % 32) / 16) * 8)) - ((((int)threadIdx.x) % 16) * 72)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 16)])) + 0);
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
      :  "=f"(((float *)(VG_ptr + 8))[0]), "=f"(((float *)(VG_ptr + 8))[1]), "=f"(((float *)(VG_ptr + 8))[2]), "=f"(((float *)(VG_ptr + 8))[3])
      : "r"(((unsigned *)(PA_ptr + 0))[0]), "r"(((unsigned *)(PA_ptr + 0))[1]), "r"(((unsigned *)(PA_ptr + 0))[2]), "r"(((unsigned *)(PA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(VG_ptr + 8))[0]), "f"(((float *)(VG_ptr + 8))[1]), "f"(((float *)(VG_ptr + 8))[2]), "f"(((float *)(VG_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(VG_ptr + 12))[0]), "=f"(((float *)(VG_ptr + 12))[1]), "=f"(((float *)(VG_ptr + 12))[2]), "=f"(((float *)(VG_ptr + 12))[3])
      : "r"(((unsigned *)(PA_ptr + 0))[0]), "r"(((unsigned *)(PA_ptr + 0))[1]), "r"(((unsigned *)(PA_ptr + 0))[2]), "r"(((unsigned *)(PA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(VG_ptr + 12))[0]), "f"(((float *)(VG_ptr + 12))[1]), "f"(((float *)(VG_ptr + 12))[2]), "f"(((float *)(VG_ptr + 12))[3]));
  }
        int cse_v58 = ((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1168);
        int cse_v59 = (((3440 - (((((int)threadIdx.x) % 32) / 16) * 8)) - ((((int)threadIdx.x) % 16) * 72)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1168)])) + 0);
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
      :  "=f"(((float *)(VG_ptr + 8))[0]), "=f"(((float *)(VG_ptr + 8))[1]), "=f"(((float *)(VG_ptr + 8))[2]), "=f"(((float *)(VG_ptr + 8))[3])
      : "r"(((unsigned *)(PA_ptr + 8))[0]), "r"(((unsigned *)(PA_ptr + 8))[1]), "r"(((unsigned *)(PA_ptr + 8))[2]), "r"(((unsigned *)(PA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(VG_ptr + 8))[0]), "f"(((float *)(VG_ptr + 8))[1]), "f"(((float *)(VG_ptr + 8))[2]), "f"(((float *)(VG_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(VG_ptr + 12))[0]), "=f"(((float *)(VG_ptr + 12))[1]), "=f"(((float *)(VG_ptr + 12))[2]), "=f"(((float *)(VG_ptr + 12))[3])
      : "r"(((unsigned *)(PA_ptr + 8))[0]), "r"(((unsigned *)(PA_ptr + 8))[1]), "r"(((unsigned *)(PA_ptr + 8))[2]), "r"(((unsigned *)(PA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(VG_ptr + 12))[0]), "f"(((float *)(VG_ptr + 12))[1]), "f"(((float *)(VG_ptr + 12))[2]), "f"(((float *)(VG_ptr + 12))[3]));
  }
        int cse_v60 = ((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 32);
        int cse_v61 = (((4576 - (((((int)threadIdx.x) % 32) / 16) * 8)) - ((((int)threadIdx.x) % 16) * 72)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 32)])) + 0);
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
      :  "=f"(((float *)(VG_ptr + 16))[0]), "=f"(((float *)(VG_ptr + 16))[1]), "=f"(((float *)(VG_ptr + 16))[2]), "=f"(((float *)(VG_ptr + 16))[3])
      : "r"(((unsigned *)(PA_ptr + 0))[0]), "r"(((unsigned *)(PA_ptr + 0))[1]), "r"(((unsigned *)(PA_ptr + 0))[2]), "r"(((unsigned *)(PA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(VG_ptr + 16))[0]), "f"(((float *)(VG_ptr + 16))[1]), "f"(((float *)(VG_ptr + 16))[2]), "f"(((float *)(VG_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(VG_ptr + 20))[0]), "=f"(((float *)(VG_ptr + 20))[1]), "=f"(((float *)(VG_ptr + 20))[2]), "=f"(((float *)(VG_ptr + 20))[3])
      : "r"(((unsigned *)(PA_ptr + 0))[0]), "r"(((unsigned *)(PA_ptr + 0))[1]), "r"(((unsigned *)(PA_ptr + 0))[2]), "r"(((unsigned *)(PA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(VG_ptr + 20))[0]), "f"(((float *)(VG_ptr + 20))[1]), "f"(((float *)(VG_ptr + 20))[2]), "f"(((float *)(VG_ptr + 20))[3]));
  }
        int cse_v62 = ((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1184);
        int cse_v63 = (((3424 - (((((int)threadIdx.x) % 32) / 16) * 8)) - ((((int)threadIdx.x) % 16) * 72)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1184)])) + 0);
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
      :  "=f"(((float *)(VG_ptr + 16))[0]), "=f"(((float *)(VG_ptr + 16))[1]), "=f"(((float *)(VG_ptr + 16))[2]), "=f"(((float *)(VG_ptr + 16))[3])
      : "r"(((unsigned *)(PA_ptr + 8))[0]), "r"(((unsigned *)(PA_ptr + 8))[1]), "r"(((unsigned *)(PA_ptr + 8))[2]), "r"(((unsigned *)(PA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(VG_ptr + 16))[0]), "f"(((float *)(VG_ptr + 16))[1]), "f"(((float *)(VG_ptr + 16))[2]), "f"(((float *)(VG_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(VG_ptr + 20))[0]), "=f"(((float *)(VG_ptr + 20))[1]), "=f"(((float *)(VG_ptr + 20))[2]), "=f"(((float *)(VG_ptr + 20))[3])
      : "r"(((unsigned *)(PA_ptr + 8))[0]), "r"(((unsigned *)(PA_ptr + 8))[1]), "r"(((unsigned *)(PA_ptr + 8))[2]), "r"(((unsigned *)(PA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(VG_ptr + 20))[0]), "f"(((float *)(VG_ptr + 20))[1]), "f"(((float *)(VG_ptr + 20))[2]), "f"(((float *)(VG_ptr + 20))[3]));
  }
        int cse_v64 = ((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 48);
        int cse_v65 = (((4560 - (((((int)threadIdx.x) % 32) / 16) * 8)) - ((((int)threadIdx.x) % 16) * 72)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 48)])) + 0);
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
      :  "=f"(((float *)(VG_ptr + 24))[0]), "=f"(((float *)(VG_ptr + 24))[1]), "=f"(((float *)(VG_ptr + 24))[2]), "=f"(((float *)(VG_ptr + 24))[3])
      : "r"(((unsigned *)(PA_ptr + 0))[0]), "r"(((unsigned *)(PA_ptr + 0))[1]), "r"(((unsigned *)(PA_ptr + 0))[2]), "r"(((unsigned *)(PA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(VG_ptr + 24))[0]), "f"(((float *)(VG_ptr + 24))[1]), "f"(((float *)(VG_ptr + 24))[2]), "f"(((float *)(VG_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(VG_ptr + 28))[0]), "=f"(((float *)(VG_ptr + 28))[1]), "=f"(((float *)(VG_ptr + 28))[2]), "=f"(((float *)(VG_ptr + 28))[3])
      : "r"(((unsigned *)(PA_ptr + 0))[0]), "r"(((unsigned *)(PA_ptr + 0))[1]), "r"(((unsigned *)(PA_ptr + 0))[2]), "r"(((unsigned *)(PA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(VG_ptr + 28))[0]), "f"(((float *)(VG_ptr + 28))[1]), "f"(((float *)(VG_ptr + 28))[2]), "f"(((float *)(VG_ptr + 28))[3]));
  }
        int cse_v66 = ((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1200);
        int cse_v67 = (((3408 - (((((int)threadIdx.x) % 32) / 16) * 8)) - ((((int)threadIdx.x) % 16) * 72)) - (((c - 1) % 2) * 2304));

  {
    unsigned int addr = __cvta_generic_to_shared((&(DOS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1200)])) + 0);
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
      :  "=f"(((float *)(VG_ptr + 24))[0]), "=f"(((float *)(VG_ptr + 24))[1]), "=f"(((float *)(VG_ptr + 24))[2]), "=f"(((float *)(VG_ptr + 24))[3])
      : "r"(((unsigned *)(PA_ptr + 8))[0]), "r"(((unsigned *)(PA_ptr + 8))[1]), "r"(((unsigned *)(PA_ptr + 8))[2]), "r"(((unsigned *)(PA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(VG_ptr + 24))[0]), "f"(((float *)(VG_ptr + 24))[1]), "f"(((float *)(VG_ptr + 24))[2]), "f"(((float *)(VG_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(VG_ptr + 28))[0]), "=f"(((float *)(VG_ptr + 28))[1]), "=f"(((float *)(VG_ptr + 28))[2]), "=f"(((float *)(VG_ptr + 28))[3])
      : "r"(((unsigned *)(PA_ptr + 8))[0]), "r"(((unsigned *)(PA_ptr + 8))[1]), "r"(((unsigned *)(PA_ptr + 8))[2]), "r"(((unsigned *)(PA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(VG_ptr + 28))[0]), "f"(((float *)(VG_ptr + 28))[1]), "f"(((float *)(VG_ptr + 28))[2]), "f"(((float *)(VG_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[(((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8))])) + 0);
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
      :  "=f"(((float *)(KG_ptr + 0))[0]), "=f"(((float *)(KG_ptr + 0))[1]), "=f"(((float *)(KG_ptr + 0))[2]), "=f"(((float *)(KG_ptr + 0))[3])
      : "r"(((unsigned *)(EA_ptr + 0))[0]), "r"(((unsigned *)(EA_ptr + 0))[1]), "r"(((unsigned *)(EA_ptr + 0))[2]), "r"(((unsigned *)(EA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(KG_ptr + 0))[0]), "f"(((float *)(KG_ptr + 0))[1]), "f"(((float *)(KG_ptr + 0))[2]), "f"(((float *)(KG_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(KG_ptr + 4))[0]), "=f"(((float *)(KG_ptr + 4))[1]), "=f"(((float *)(KG_ptr + 4))[2]), "=f"(((float *)(KG_ptr + 4))[3])
      : "r"(((unsigned *)(EA_ptr + 0))[0]), "r"(((unsigned *)(EA_ptr + 0))[1]), "r"(((unsigned *)(EA_ptr + 0))[2]), "r"(((unsigned *)(EA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(KG_ptr + 4))[0]), "f"(((float *)(KG_ptr + 4))[1]), "f"(((float *)(KG_ptr + 4))[2]), "f"(((float *)(KG_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1152)])) + 0);
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
      :  "=f"(((float *)(KG_ptr + 0))[0]), "=f"(((float *)(KG_ptr + 0))[1]), "=f"(((float *)(KG_ptr + 0))[2]), "=f"(((float *)(KG_ptr + 0))[3])
      : "r"(((unsigned *)(EA_ptr + 8))[0]), "r"(((unsigned *)(EA_ptr + 8))[1]), "r"(((unsigned *)(EA_ptr + 8))[2]), "r"(((unsigned *)(EA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(KG_ptr + 0))[0]), "f"(((float *)(KG_ptr + 0))[1]), "f"(((float *)(KG_ptr + 0))[2]), "f"(((float *)(KG_ptr + 0))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(KG_ptr + 4))[0]), "=f"(((float *)(KG_ptr + 4))[1]), "=f"(((float *)(KG_ptr + 4))[2]), "=f"(((float *)(KG_ptr + 4))[3])
      : "r"(((unsigned *)(EA_ptr + 8))[0]), "r"(((unsigned *)(EA_ptr + 8))[1]), "r"(((unsigned *)(EA_ptr + 8))[2]), "r"(((unsigned *)(EA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(KG_ptr + 4))[0]), "f"(((float *)(KG_ptr + 4))[1]), "f"(((float *)(KG_ptr + 4))[2]), "f"(((float *)(KG_ptr + 4))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 16)])) + 0);
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
      :  "=f"(((float *)(KG_ptr + 8))[0]), "=f"(((float *)(KG_ptr + 8))[1]), "=f"(((float *)(KG_ptr + 8))[2]), "=f"(((float *)(KG_ptr + 8))[3])
      : "r"(((unsigned *)(EA_ptr + 0))[0]), "r"(((unsigned *)(EA_ptr + 0))[1]), "r"(((unsigned *)(EA_ptr + 0))[2]), "r"(((unsigned *)(EA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(KG_ptr + 8))[0]), "f"(((float *)(KG_ptr + 8))[1]), "f"(((float *)(KG_ptr + 8))[2]), "f"(((float *)(KG_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(KG_ptr + 12))[0]), "=f"(((float *)(KG_ptr + 12))[1]), "=f"(((float *)(KG_ptr + 12))[2]), "=f"(((float *)(KG_ptr + 12))[3])
      : "r"(((unsigned *)(EA_ptr + 0))[0]), "r"(((unsigned *)(EA_ptr + 0))[1]), "r"(((unsigned *)(EA_ptr + 0))[2]), "r"(((unsigned *)(EA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(KG_ptr + 12))[0]), "f"(((float *)(KG_ptr + 12))[1]), "f"(((float *)(KG_ptr + 12))[2]), "f"(((float *)(KG_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1168)])) + 0);
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
      :  "=f"(((float *)(KG_ptr + 8))[0]), "=f"(((float *)(KG_ptr + 8))[1]), "=f"(((float *)(KG_ptr + 8))[2]), "=f"(((float *)(KG_ptr + 8))[3])
      : "r"(((unsigned *)(EA_ptr + 8))[0]), "r"(((unsigned *)(EA_ptr + 8))[1]), "r"(((unsigned *)(EA_ptr + 8))[2]), "r"(((unsigned *)(EA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(KG_ptr + 8))[0]), "f"(((float *)(KG_ptr + 8))[1]), "f"(((float *)(KG_ptr + 8))[2]), "f"(((float *)(KG_ptr + 8))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(KG_ptr + 12))[0]), "=f"(((float *)(KG_ptr + 12))[1]), "=f"(((float *)(KG_ptr + 12))[2]), "=f"(((float *)(KG_ptr + 12))[3])
      : "r"(((unsigned *)(EA_ptr + 8))[0]), "r"(((unsigned *)(EA_ptr + 8))[1]), "r"(((unsigned *)(EA_ptr + 8))[2]), "r"(((unsigned *)(EA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(KG_ptr + 12))[0]), "f"(((float *)(KG_ptr + 12))[1]), "f"(((float *)(KG_ptr + 12))[2]), "f"(((float *)(KG_ptr + 12))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 32)])) + 0);
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
      :  "=f"(((float *)(KG_ptr + 16))[0]), "=f"(((float *)(KG_ptr + 16))[1]), "=f"(((float *)(KG_ptr + 16))[2]), "=f"(((float *)(KG_ptr + 16))[3])
      : "r"(((unsigned *)(EA_ptr + 0))[0]), "r"(((unsigned *)(EA_ptr + 0))[1]), "r"(((unsigned *)(EA_ptr + 0))[2]), "r"(((unsigned *)(EA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(KG_ptr + 16))[0]), "f"(((float *)(KG_ptr + 16))[1]), "f"(((float *)(KG_ptr + 16))[2]), "f"(((float *)(KG_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(KG_ptr + 20))[0]), "=f"(((float *)(KG_ptr + 20))[1]), "=f"(((float *)(KG_ptr + 20))[2]), "=f"(((float *)(KG_ptr + 20))[3])
      : "r"(((unsigned *)(EA_ptr + 0))[0]), "r"(((unsigned *)(EA_ptr + 0))[1]), "r"(((unsigned *)(EA_ptr + 0))[2]), "r"(((unsigned *)(EA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(KG_ptr + 20))[0]), "f"(((float *)(KG_ptr + 20))[1]), "f"(((float *)(KG_ptr + 20))[2]), "f"(((float *)(KG_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1184)])) + 0);
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
      :  "=f"(((float *)(KG_ptr + 16))[0]), "=f"(((float *)(KG_ptr + 16))[1]), "=f"(((float *)(KG_ptr + 16))[2]), "=f"(((float *)(KG_ptr + 16))[3])
      : "r"(((unsigned *)(EA_ptr + 8))[0]), "r"(((unsigned *)(EA_ptr + 8))[1]), "r"(((unsigned *)(EA_ptr + 8))[2]), "r"(((unsigned *)(EA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(KG_ptr + 16))[0]), "f"(((float *)(KG_ptr + 16))[1]), "f"(((float *)(KG_ptr + 16))[2]), "f"(((float *)(KG_ptr + 16))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(KG_ptr + 20))[0]), "=f"(((float *)(KG_ptr + 20))[1]), "=f"(((float *)(KG_ptr + 20))[2]), "=f"(((float *)(KG_ptr + 20))[3])
      : "r"(((unsigned *)(EA_ptr + 8))[0]), "r"(((unsigned *)(EA_ptr + 8))[1]), "r"(((unsigned *)(EA_ptr + 8))[2]), "r"(((unsigned *)(EA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(KG_ptr + 20))[0]), "f"(((float *)(KG_ptr + 20))[1]), "f"(((float *)(KG_ptr + 20))[2]), "f"(((float *)(KG_ptr + 20))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 48)])) + 0);
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
      :  "=f"(((float *)(KG_ptr + 24))[0]), "=f"(((float *)(KG_ptr + 24))[1]), "=f"(((float *)(KG_ptr + 24))[2]), "=f"(((float *)(KG_ptr + 24))[3])
      : "r"(((unsigned *)(EA_ptr + 0))[0]), "r"(((unsigned *)(EA_ptr + 0))[1]), "r"(((unsigned *)(EA_ptr + 0))[2]), "r"(((unsigned *)(EA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(KG_ptr + 24))[0]), "f"(((float *)(KG_ptr + 24))[1]), "f"(((float *)(KG_ptr + 24))[2]), "f"(((float *)(KG_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(KG_ptr + 28))[0]), "=f"(((float *)(KG_ptr + 28))[1]), "=f"(((float *)(KG_ptr + 28))[2]), "=f"(((float *)(KG_ptr + 28))[3])
      : "r"(((unsigned *)(EA_ptr + 0))[0]), "r"(((unsigned *)(EA_ptr + 0))[1]), "r"(((unsigned *)(EA_ptr + 0))[2]), "r"(((unsigned *)(EA_ptr + 0))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(KG_ptr + 28))[0]), "f"(((float *)(KG_ptr + 28))[1]), "f"(((float *)(KG_ptr + 28))[2]), "f"(((float *)(KG_ptr + 28))[3]));
  }

  {
    unsigned int addr = __cvta_generic_to_shared((&(QS_ptr[((((((c - 1) % 2) * 2304) + ((((int)threadIdx.x) % 16) * 72)) + (((((int)threadIdx.x) % 32) / 16) * 8)) + 1200)])) + 0);
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
      :  "=f"(((float *)(KG_ptr + 24))[0]), "=f"(((float *)(KG_ptr + 24))[1]), "=f"(((float *)(KG_ptr + 24))[2]), "=f"(((float *)(KG_ptr + 24))[3])
      : "r"(((unsigned *)(EA_ptr + 8))[0]), "r"(((unsigned *)(EA_ptr + 8))[1]), "r"(((unsigned *)(EA_ptr + 8))[2]), "r"(((unsigned *)(EA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 0))[0]), "r"(((unsigned *)(BF_ptr + 0))[1]), "f"(((float *)(KG_ptr + 24))[0]), "f"(((float *)(KG_ptr + 24))[1]), "f"(((float *)(KG_ptr + 24))[2]), "f"(((float *)(KG_ptr + 24))[3]));
  }

  {
    __asm__ __volatile__(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32"
      "{%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%10, %11, %12, %13};\n"
      :  "=f"(((float *)(KG_ptr + 28))[0]), "=f"(((float *)(KG_ptr + 28))[1]), "=f"(((float *)(KG_ptr + 28))[2]), "=f"(((float *)(KG_ptr + 28))[3])
      : "r"(((unsigned *)(EA_ptr + 8))[0]), "r"(((unsigned *)(EA_ptr + 8))[1]), "r"(((unsigned *)(EA_ptr + 8))[2]), "r"(((unsigned *)(EA_ptr + 8))[3]), "r"(((unsigned *)(BF_ptr + 4))[0]), "r"(((unsigned *)(BF_ptr + 4))[1]), "f"(((float *)(KG_ptr + 28))[0]), "f"(((float *)(KG_ptr + 28))[1]), "f"(((float *)(KG_ptr + 28))[2]), "f"(((float *)(KG_ptr + 28))[3]));
  }
      }
    }
  }
  int cse_v89 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1));
  int cse_v90 = ((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1));
  if (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) < Lk) {
    int cse_v93 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2));
    DK_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2))] = ((nv_bfloat16)(KG_ptr[0] * scale));
    int cse_v94 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2));
    DV_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2))] = ((nv_bfloat16)VG_ptr[0]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 1)] = ((nv_bfloat16)(KG_ptr[1] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 1)] = ((nv_bfloat16)VG_ptr[1]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 8)] = ((nv_bfloat16)(KG_ptr[4] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 8)] = ((nv_bfloat16)VG_ptr[4]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 9)] = ((nv_bfloat16)(KG_ptr[5] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 9)] = ((nv_bfloat16)VG_ptr[5]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 16)] = ((nv_bfloat16)(KG_ptr[8] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 16)] = ((nv_bfloat16)VG_ptr[8]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 17)] = ((nv_bfloat16)(KG_ptr[9] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 17)] = ((nv_bfloat16)VG_ptr[9]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 24)] = ((nv_bfloat16)(KG_ptr[12] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 24)] = ((nv_bfloat16)VG_ptr[12]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 25)] = ((nv_bfloat16)(KG_ptr[13] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 25)] = ((nv_bfloat16)VG_ptr[13]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 32)] = ((nv_bfloat16)(KG_ptr[16] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 32)] = ((nv_bfloat16)VG_ptr[16]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 33)] = ((nv_bfloat16)(KG_ptr[17] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 33)] = ((nv_bfloat16)VG_ptr[17]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 40)] = ((nv_bfloat16)(KG_ptr[20] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 40)] = ((nv_bfloat16)VG_ptr[20]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 41)] = ((nv_bfloat16)(KG_ptr[21] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 41)] = ((nv_bfloat16)VG_ptr[21]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 48)] = ((nv_bfloat16)(KG_ptr[24] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 48)] = ((nv_bfloat16)VG_ptr[24]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 49)] = ((nv_bfloat16)(KG_ptr[25] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 49)] = ((nv_bfloat16)VG_ptr[25]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 56)] = ((nv_bfloat16)(KG_ptr[28] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 56)] = ((nv_bfloat16)VG_ptr[28]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DK_s2)) + 57)] = ((nv_bfloat16)(KG_ptr[29] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + (((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) * DV_s2)) + 57)] = ((nv_bfloat16)VG_ptr[29]);
  }
  if ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) < Lk) {
    int cse_v98 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2));
    DK_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2))] = ((nv_bfloat16)(KG_ptr[2] * scale));
    int cse_v99 = (((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2));
    DV_ptr[(((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2))] = ((nv_bfloat16)VG_ptr[2]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 1)] = ((nv_bfloat16)(KG_ptr[3] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 1)] = ((nv_bfloat16)VG_ptr[3]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 8)] = ((nv_bfloat16)(KG_ptr[6] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 8)] = ((nv_bfloat16)VG_ptr[6]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 9)] = ((nv_bfloat16)(KG_ptr[7] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 9)] = ((nv_bfloat16)VG_ptr[7]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 16)] = ((nv_bfloat16)(KG_ptr[10] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 16)] = ((nv_bfloat16)VG_ptr[10]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 17)] = ((nv_bfloat16)(KG_ptr[11] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 17)] = ((nv_bfloat16)VG_ptr[11]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 24)] = ((nv_bfloat16)(KG_ptr[14] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 24)] = ((nv_bfloat16)VG_ptr[14]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 25)] = ((nv_bfloat16)(KG_ptr[15] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 25)] = ((nv_bfloat16)VG_ptr[15]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 32)] = ((nv_bfloat16)(KG_ptr[18] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 32)] = ((nv_bfloat16)VG_ptr[18]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 33)] = ((nv_bfloat16)(KG_ptr[19] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 33)] = ((nv_bfloat16)VG_ptr[19]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 40)] = ((nv_bfloat16)(KG_ptr[22] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 40)] = ((nv_bfloat16)VG_ptr[22]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 41)] = ((nv_bfloat16)(KG_ptr[23] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 41)] = ((nv_bfloat16)VG_ptr[23]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 48)] = ((nv_bfloat16)(KG_ptr[26] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 48)] = ((nv_bfloat16)VG_ptr[26]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 49)] = ((nv_bfloat16)(KG_ptr[27] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 49)] = ((nv_bfloat16)VG_ptr[27]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 56)] = ((nv_bfloat16)(KG_ptr[30] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 56)] = ((nv_bfloat16)VG_ptr[30]);
    DK_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DK_s0)) + (((task / (cse_v2 / 64)) % Hk) * DK_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DK_s2)) + 57)] = ((nv_bfloat16)(KG_ptr[31] * scale));
    DV_ptr[((((((((int)threadIdx.x) % 4) * 2) + ((task / (Hk * (cse_v2 / 64))) * DV_s0)) + (((task / (cse_v2 / 64)) % Hk) * DV_s1)) + ((((((task % (cse_v2 / 64)) * 64) + ((((int)threadIdx.x) / 32) * 16)) + ((((int)threadIdx.x) % 32) / 4)) + 8) * DV_s2)) + 57)] = ((nv_bfloat16)VG_ptr[31]);
  }
}

