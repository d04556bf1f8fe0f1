package sheet

import (
	"bytes"
	"errors"

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

// decrypt turns an encrypted xlsx back into its zip with the password.
func decrypt(data []byte, password string, where msg.Where) ([]byte, error) {
	if password == "" {
		return nil, newErr(ErrPasswordNeeded, where, nil)
	}
	plain, err := excelize.Decrypt(data, &excelize.Options{Password: password})
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return nil, newErr(ErrWrongPassword, where, err)
	case errors.Is(err, excelize.ErrUnsupportedEncryptMechanism), errors.Is(err, excelize.ErrUnknownEncryptMechanism):
		return nil, newErr(ErrUnsupportedEncrypt, where, err)
	case err != nil:
		return nil, newErr(ErrDamaged, where, err)
	case len(plain) == 0:
		// Decrypt returns nothing, and no error, for "extensible" encryption.
		return nil, newErr(ErrUnsupportedEncrypt, where, nil)
	}
	return plain, nil
}
