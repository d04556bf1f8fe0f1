/*
 * bcryptprimitives.dll for Wine 8.0 (Debian 12) — a TEST SHIM, never shipped.
 *
 * Go 1.24 and later take their random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10/11 has; Wine 8.0 does not,
 * so any Go 1.26 .exe stops at start with
 *     fatal error: bcryptprimitives.dll not found
 * scripts/release-check.sh builds this file with mingw-w64 and puts it into
 * its own Wine prefix's system32 so that the Windows builds can be run under
 * Wine here. ProcessPrng is answered with BCryptGenRandom (system RNG).
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll bcryptprimitives.c -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
