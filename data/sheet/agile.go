package sheet

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"hash"
	"strings"
)

// ECMA-376 "agile" encryption (MS-OFFCRYPTO 2.3.4.10–15), read here as well
// as by excelize because excelize derives the password key with the
// package's hash algorithm instead of the key encryptor's: a file whose
// package uses SHA-1 and whose password key SHA-512 (Apache POI's 60320,
// a correct password) decrypts to noise there and was refused as "wrong
// password". This reader checks the password against the file's verifier,
// so a wrong password is told from one it cannot use.

// errVerifierMismatch: the file's verifier does not match the password.
var errVerifierMismatch = errors.New("password does not match the file's verifier")

// maxSpinCount bounds the password hashing a file may ask for: Excel
// writes 100,000 (about 30 ms); a hostile 2^31 would hash for minutes.
const maxSpinCount = 1_000_000

// errTooCostly: the file asks for more password hashing than is allowed.
var errTooCostly = errors.New("password hashing spin count above 1,000,000")

type agileParams struct {
	SaltSize        int    `xml:"saltSize,attr"`
	BlockSize       int    `xml:"blockSize,attr"`
	KeyBits         int    `xml:"keyBits,attr"`
	HashSize        int    `xml:"hashSize,attr"`
	CipherAlgorithm string `xml:"cipherAlgorithm,attr"`
	CipherChaining  string `xml:"cipherChaining,attr"`
	HashAlgorithm   string `xml:"hashAlgorithm,attr"`
	SaltValue       string `xml:"saltValue,attr"`
}

type agilePasswordKey struct {
	agileParams
	SpinCount                  int    `xml:"spinCount,attr"`
	EncryptedVerifierHashInput string `xml:"encryptedVerifierHashInput,attr"`
	EncryptedVerifierHashValue string `xml:"encryptedVerifierHashValue,attr"`
	EncryptedKeyValue          string `xml:"encryptedKeyValue,attr"`
}

type agileInfo struct {
	KeyData       agileParams `xml:"keyData"`
	KeyEncryptors []struct {
		URI          string           `xml:"uri,attr"`
		EncryptedKey agilePasswordKey `xml:"encryptedKey"`
	} `xml:"keyEncryptors>keyEncryptor"`
}

var (
	blockVerifierInput = []byte{0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79}
	blockVerifierValue = []byte{0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e}
	blockKeyValue      = []byte{0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6}
)

// ownDecrypt decrypts an encrypted package with password, agile or
// standard (AES) encryption. It returns errVerifierMismatch when the
// file's verifier says no, and another error when it cannot tell.
func ownDecrypt(data []byte, password string) ([]byte, error) {
	infoStream, pkgStream, err := encryptionStreams(data)
	if err != nil {
		return nil, err
	}
	if len(infoStream) < 8 {
		return nil, errors.New("EncryptionInfo too short")
	}
	major, minor := binary.LittleEndian.Uint16(infoStream), binary.LittleEndian.Uint16(infoStream[2:])
	switch {
	case major == 4 && minor == 4:
		return agileDecrypt(infoStream, pkgStream, password)
	case major >= 2 && major <= 4 && minor == 2:
		return standardDecrypt(infoStream, pkgStream, password)
	}
	return nil, fmt.Errorf("encryption version %d.%d", major, minor)
}

// agileDecrypt decrypts an agile-encrypted package.
func agileDecrypt(infoStream, pkgStream []byte, password string) ([]byte, error) {
	var info agileInfo
	if err := xml.Unmarshal(infoStream[8:], &info); err != nil {
		return nil, fmt.Errorf("EncryptionInfo: %w", err)
	}
	if !isAESCBC(info.KeyData) {
		return nil, fmt.Errorf("package cipher %s %s", info.KeyData.CipherAlgorithm, info.KeyData.CipherChaining)
	}
	for _, ke := range info.KeyEncryptors {
		if strings.HasSuffix(ke.URI, "/password") {
			if !isAESCBC(ke.EncryptedKey.agileParams) {
				return nil, fmt.Errorf("key cipher %s %s", ke.EncryptedKey.CipherAlgorithm, ke.EncryptedKey.CipherChaining)
			}
			key, err := agilePackageKey(ke.EncryptedKey, password, info.KeyData.KeyBits)
			if err != nil {
				return nil, err
			}
			return agilePackage(info.KeyData, key, pkgStream)
		}
	}
	return nil, errors.New("no password key encryptor")
}

// encryptionStreams reads the two streams of an encrypted package.
func encryptionStreams(data []byte) (info, pkg []byte, err error) {
	streams, err := cfbStreams(data, "EncryptionInfo", "EncryptedPackage")
	if err != nil {
		return nil, nil, err
	}
	info, pkg = streams["EncryptionInfo"], streams["EncryptedPackage"]
	if info == nil || pkg == nil {
		return nil, nil, errors.New("encryption streams missing")
	}
	return info, pkg, nil
}

// agilePackageKey checks password against the verifier and returns the
// package key it unlocks.
func agilePackageKey(k agilePasswordKey, password string, packageKeyBits int) ([]byte, error) {
	newHash, err := agileHash(k.HashAlgorithm)
	if err != nil {
		return nil, err
	}
	if k.SpinCount < 0 || k.SpinCount > maxSpinCount {
		return nil, fmt.Errorf("%w: %d", errTooCostly, k.SpinCount)
	}
	salt, err1 := base64.StdEncoding.DecodeString(k.SaltValue)
	input, err2 := base64.StdEncoding.DecodeString(k.EncryptedVerifierHashInput)
	value, err3 := base64.StdEncoding.DecodeString(k.EncryptedVerifierHashValue)
	keyValue, err4 := base64.StdEncoding.DecodeString(k.EncryptedKeyValue)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return nil, err
	}
	h := newHash()
	h.Write(salt)
	h.Write(utf16leBytes(password))
	sum := h.Sum(nil)
	var i4 [4]byte
	for i := range k.SpinCount {
		binary.LittleEndian.PutUint32(i4[:], uint32(i))
		h.Reset()
		h.Write(i4[:])
		h.Write(sum)
		sum = h.Sum(sum[:0])
	}
	derive := func(block []byte) []byte {
		h.Reset()
		h.Write(sum)
		h.Write(block)
		return fitKey(h.Sum(nil), k.KeyBits/8, 0x36)
	}
	iv := fitKey(salt, k.BlockSize, 0x36)
	gotInput, err1 := aesCBC(derive(blockVerifierInput), iv, input)
	gotValue, err2 := aesCBC(derive(blockVerifierValue), iv, value)
	pkgKey, err3 := aesCBC(derive(blockKeyValue), iv, keyValue)
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, err
	}
	h.Reset()
	h.Write(gotInput[:min(k.SaltSize, len(gotInput))])
	if want := h.Sum(nil); len(gotValue) < len(want) || !bytes.Equal(gotValue[:len(want)], want) {
		return nil, errVerifierMismatch
	}
	if packageKeyBits/8 > len(pkgKey) || packageKeyBits <= 0 {
		return nil, fmt.Errorf("package key of %d bits", packageKeyBits)
	}
	return pkgKey[:packageKeyBits/8], nil
}

// agilePackage decrypts the EncryptedPackage stream: its size, then
// 4096-byte segments, each with its own IV.
func agilePackage(kd agileParams, key, stream []byte) ([]byte, error) {
	newHash, err := agileHash(kd.HashAlgorithm)
	if err != nil {
		return nil, err
	}
	salt, err := base64.StdEncoding.DecodeString(kd.SaltValue)
	if err != nil {
		return nil, err
	}
	if len(stream) < 8 {
		return nil, fmt.Errorf("encrypted package of %d bytes", len(stream))
	}
	size := binary.LittleEndian.Uint64(stream)
	body := stream[8:]
	body = body[:len(body)/aes.BlockSize*aes.BlockSize] // whole blocks, as in standardDecrypt
	if size > uint64(len(body)) {
		return nil, fmt.Errorf("encrypted package claims %d bytes, holds %d", size, len(body))
	}
	out := make([]byte, 0, len(body))
	h := newHash()
	var i4 [4]byte
	for seg := 0; len(body) > 0; seg++ {
		n := min(4096, len(body))
		binary.LittleEndian.PutUint32(i4[:], uint32(seg))
		h.Reset()
		h.Write(salt)
		h.Write(i4[:])
		plain, err := aesCBC(key, fitKey(h.Sum(nil), kd.BlockSize, 0x36), body[:n])
		if err != nil {
			return nil, err
		}
		out = append(out, plain...)
		body = body[n:]
	}
	return out[:size], nil
}

func isAESCBC(p agileParams) bool {
	return strings.EqualFold(p.CipherAlgorithm, "AES") && strings.EqualFold(p.CipherChaining, "ChainingModeCBC")
}

func agileHash(name string) (func() hash.Hash, error) {
	switch strings.ToUpper(name) {
	case "SHA1", "SHA-1":
		return sha1.New, nil
	case "SHA256", "SHA-256":
		return sha256.New, nil
	case "SHA384", "SHA-384":
		return sha512.New384, nil
	case "SHA512", "SHA-512":
		return sha512.New, nil
	}
	return nil, fmt.Errorf("hash algorithm %q", name)
}

// aesCBC decrypts data (a whole number of blocks) with AES in CBC mode.
func aesCBC(key, iv, data []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	if len(data)%aes.BlockSize != 0 || len(iv) != aes.BlockSize {
		return nil, fmt.Errorf("AES-CBC: %d bytes, IV of %d", len(data), len(iv))
	}
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, data)
	return out, nil
}

// fitKey cuts b to n bytes or pads it with pad.
func fitKey(b []byte, n int, pad byte) []byte {
	if len(b) >= n {
		return b[:n]
	}
	return append(append([]byte{}, b...), bytes.Repeat([]byte{pad}, n-len(b))...)
}

func utf16leBytes(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			out = append(out, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}
