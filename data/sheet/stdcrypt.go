package sheet

import (
	"bytes"
	"crypto/aes"
	"crypto/sha1"
	"encoding/binary"
	"fmt"
)

// ECMA-376 "standard" encryption (MS-OFFCRYPTO 2.3.4.5–9): AES in ECB mode
// under a key made from the password with SHA-1. Read here so that the
// password is checked against the file's verifier (excelize decrypts
// without checking, so a wrong password and a file it cannot read looked
// the same).

// standardDecrypt checks password and decrypts the package.
func standardDecrypt(info, stream []byte, password string) ([]byte, error) {
	if len(info) < 12 {
		return nil, fmt.Errorf("EncryptionInfo of %d bytes", len(info))
	}
	headerSize := int(binary.LittleEndian.Uint32(info[8:]))
	if headerSize < 32 || headerSize > len(info)-12 {
		return nil, fmt.Errorf("encryption header of %d bytes", headerSize)
	}
	header, verifier := info[12:12+headerSize], info[12+headerSize:]
	algID, keyBits := binary.LittleEndian.Uint32(header[8:]), int(binary.LittleEndian.Uint32(header[16:]))
	if algID < 0x660E || algID > 0x6610 || keyBits != 128 && keyBits != 192 && keyBits != 256 {
		return nil, fmt.Errorf("cipher %#x with %d-bit keys", algID, keyBits) // RC4 and the like
	}
	if len(verifier) < 4+16+16+4+32 || binary.LittleEndian.Uint32(verifier) != 16 {
		return nil, fmt.Errorf("encryption verifier of %d bytes", len(verifier))
	}
	salt, encVerifier, encHash := verifier[4:20], verifier[20:36], verifier[40:72]
	key := standardKey(salt, password, keyBits/8)
	plainVerifier, err1 := aesECB(key, encVerifier)
	plainHash, err2 := aesECB(key, encHash)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("AES: %v %v", err1, err2)
	}
	if want := sha1.Sum(plainVerifier); !bytes.Equal(plainHash[:sha1.Size], want[:]) {
		return nil, errVerifierMismatch
	}
	if len(stream) < 8 {
		return nil, fmt.Errorf("encrypted package of %d bytes", len(stream))
	}
	// Whole blocks only: a stream cut at its chain's end (see cfb.go) may
	// end mid-block, past the package's own size.
	size, body := binary.LittleEndian.Uint64(stream), stream[8:]
	plain, err := aesECB(key, body[:len(body)/aes.BlockSize*aes.BlockSize])
	if err != nil || size > uint64(len(plain)) {
		return nil, fmt.Errorf("encrypted package claims %d bytes, holds %d (%v)", size, len(plain), err)
	}
	return plain[:size], nil
}

// standardKey derives the AES key (MS-OFFCRYPTO 2.3.4.7).
func standardKey(salt []byte, password string, keyLen int) []byte {
	h := sha1.New()
	h.Write(salt)
	h.Write(utf16leBytes(password))
	sum := h.Sum(nil)
	var i4 [4]byte
	for i := range 50_000 {
		binary.LittleEndian.PutUint32(i4[:], uint32(i))
		h.Reset()
		h.Write(i4[:])
		h.Write(sum)
		sum = h.Sum(sum[:0])
	}
	h.Reset()
	h.Write(sum)
	h.Write([]byte{0, 0, 0, 0}) // block 0
	final := h.Sum(nil)
	derive := func(fill byte) []byte {
		buf := bytes.Repeat([]byte{fill}, 64)
		for i, b := range final {
			buf[i] ^= b
		}
		s := sha1.Sum(buf)
		return s[:]
	}
	return append(derive(0x36), derive(0x5c)...)[:keyLen]
}

// aesECB decrypts data (a whole number of blocks) block by block.
func aesECB(key, data []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	if len(data)%aes.BlockSize != 0 {
		return nil, fmt.Errorf("AES-ECB: %d bytes", len(data))
	}
	out := make([]byte, len(data))
	for i := 0; i < len(data); i += aes.BlockSize {
		block.Decrypt(out[i:], data[i:i+aes.BlockSize])
	}
	return out, nil
}
