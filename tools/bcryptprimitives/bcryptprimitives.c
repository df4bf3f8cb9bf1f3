/*
 * A stand-in bcryptprimitives.dll for running jixiao's Windows build under
 * an old wine (Debian 12 has wine 8.0, which lacks ProcessPrng). Go 1.24 and
 * later read random bytes only through ProcessPrng, and the Go runtime stops
 * at start-up when it is missing. Only for the smoke test
 * (scripts/smoke-windows.sh); never shipped: real Windows 10/11 has the DLL.
 *
 * Build: x86_64-w64-mingw32-gcc -O2 -shared -o bcryptprimitives.dll \
 *          bcryptprimitives.c bcryptprimitives.def -ladvapi32
 */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 under this name. */
BOOLEAN NTAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return TRUE;
}
