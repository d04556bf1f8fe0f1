package sheet

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/haeoreum/register/data/msg"
	"github.com/xuri/excelize/v2"
)

// Directory entries of an OLE2 file hold their names in UTF-16LE. An
// ECMA-376 encrypted xlsx has both of these streams; a legacy .xls has
// neither. Searching the bytes avoids parsing the container at all for the
// common answer ("this is an .xls"), and a damaged .xls still gets the
// useful message rather than "damaged".
var (
	streamEncryptionInfo   = utf16le("EncryptionInfo")
	streamEncryptedPackage = utf16le("EncryptedPackage")
)

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s)+2)
	for i := range len(s) {
		b = append(b, s[i], 0)
	}
	return append(b, 0, 0) // the name's terminator, so a longer name does not match
}

// isEncryptedOOXML reports whether an OLE2 file is a password-protected xlsx.
func isEncryptedOOXML(data []byte) bool {
	return bytes.Contains(data, streamEncryptionInfo) && bytes.Contains(data, streamEncryptedPackage)
}

// hwpSignature opens the FileHeader stream of every HWP 5 document (한글,
// Hancom's word processor); the stream sits whole in one sector.
var hwpSignature = []byte("HWP Document File")

// isHWP reports whether an OLE2 file is a 한글 document.
func isHWP(data []byte) bool {
	return bytes.Contains(data, hwpSignature) && bytes.Contains(data, utf16le("FileHeader"))
}

// excelDefaultPassword is the password Excel uses when a workbook is
// encrypted without one being chosen (a "read-only recommended" or
// structure-protected workbook). Excel opens such files without asking, so
// the official has no password to give.
const excelDefaultPassword = "VelvetSweatshop"

// decryptPackage opens an encrypted xlsx: with the given password, or,
// when none was given, with Excel's default one.
func decryptPackage(data []byte, password string, where msg.Where) ([]byte, error) {
	if password == "" {
		plain, err := decryptWith(data, excelDefaultPassword, where)
		if err == nil || errors.Is(err, ErrUnsupportedEncrypt) {
			return plain, err
		}
		return nil, newErr(ErrPasswordNeeded, where, nil)
	}
	return decryptWith(data, password, where)
}

// decryptWith decrypts with this package's own reader, which checks the
// password against the file's verifier, and falls back to excelize for
// what it does not read (other ciphers and hashes). excelize.Decrypt does
// not check a standard-encrypted file's password (a wrong one yields
// noise, not a zip) and misderives some agile keys, so it comes second.
func decryptWith(data []byte, password string, where msg.Where) ([]byte, error) {
	own, ownErr := ownDecrypt(data, password)
	switch {
	case ownErr == nil && sniff(own) == kindZip:
		return own, nil
	case errors.Is(ownErr, errVerifierMismatch):
		return nil, newErr(ErrWrongPassword, where, ownErr)
	case errors.Is(ownErr, errTooCostly):
		return nil, newErr(ErrUnsupportedEncrypt, where, ownErr)
	case ownErr == nil:
		// The password fits the verifier, yet no zip came out.
		return nil, newErr(ErrUnsupportedEncrypt, where, errors.New("decrypted package is not a zip"))
	}
	plain, err := decrypt(data, password, where)
	if err != nil {
		return nil, err
	}
	if sniff(plain) != kindZip {
		return nil, newErr(ErrWrongPassword, where, fmt.Errorf("decrypted package is not a zip (%v)", ownErr))
	}
	return plain, nil
}

// decrypt turns an encrypted xlsx back into its zip with the password.
func decrypt(data []byte, password string, where msg.Where) ([]byte, error) {
	plain, err := excelize.Decrypt(data, &excelize.Options{Password: password})
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return nil, newErr(ErrWrongPassword, where, err)
	case errors.Is(err, excelize.ErrUnsupportedEncryptMechanism), errors.Is(err, excelize.ErrUnknownEncryptMechanism):
		return nil, newErr(ErrUnsupportedEncrypt, where, err)
	case err != nil:
		// The container itself defeated the library (mscfb: "FAT index is
		// outside DIFAT range" on a file Excel and POI open with its
		// password): say it cannot be read here, not that it is damaged.
		return nil, newErr(ErrUnsupportedEncrypt, where, err)
	case len(plain) == 0:
		// Decrypt returns nothing, and no error, for "extensible" encryption.
		return nil, newErr(ErrUnsupportedEncrypt, where, nil)
	}
	return plain, nil
}
