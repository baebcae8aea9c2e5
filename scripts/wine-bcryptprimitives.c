/* Wine 8 (Debian 12) lacks bcryptprimitives.dll, which Rust's standard library uses for
   random bytes on Windows (ProcessPrng). This stand-in, used only to run the tests under
   Wine, forwards to RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>
BOOLEAN NTAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
