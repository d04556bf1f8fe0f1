package sheet

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/haeoreum/register/data/msg"
)

// corpusPasswords are the passwords the corpus MANIFEST gives; each such
// file is also opened with its password ("path#password" in the table).
var corpusPasswords = map[string]string{
	"sample/qax-os+excelize/test/encryptAES.xlsx":              "password",
	"problems/apache+poi/test-data/poifs/60320-protected.xlsx": "Test001!!",
	"problems/apache+poi/test-data/poifs/extenxls_pwd123.xlsx": "pwd123",
}

// TestCorpus opens every file of the shared corpus of foreign spreadsheets
// and holds the outcome: read (format, sheets, cells and a checksum of
// every value with its type and format code, so any misread shows), or
// refused (the message id, which must name the file in both languages).
// Never a panic, never longer than the per-file bound. A changed outcome,
// a file added to the corpus or one gone from it fails the test: look at
// the file, then update corpusOutcomes (CORPUS_PRINT=1 prints the table).
func TestCorpus(t *testing.T) {
	dir := corpusDir()
	if dir == "" {
		t.Skip("corpus not found at ../../../shared/corpus")
	}
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if rel == "README.md" || rel == "MANIFEST.tsv" {
			return nil
		}
		got[rel] = corpusOutcome(t, path, "")
		if pw, ok := corpusPasswords[rel]; ok {
			got[rel+"#"+pw] = corpusOutcome(t, path, pw)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("CORPUS_PRINT") != "" {
		printOutcomes(got)
	}
	for _, key := range slices.Sorted(maps.Keys(got)) {
		if want, ok := corpusOutcomes[key]; !ok {
			t.Errorf("%s: new in the corpus, outcome %q", key, got[key])
		} else if got[key] != want {
			t.Errorf("%s:\n got %s\nwant %s", key, got[key], want)
		}
	}
	for key := range corpusOutcomes {
		if _, ok := got[key]; !ok {
			t.Errorf("%s: gone from the corpus", key)
		}
	}
}

// corpusTimeBound is far above the slowest file (about 0.9 s for a 50,000
// cell workbook on a shared core) and far below a hang.
const corpusTimeBound = 10 * time.Second

// corpusOutcome opens one file under the time bound and describes what came
// of it.
func corpusOutcome(t *testing.T, path, password string) string {
	t.Helper()
	type result struct {
		wb  *Workbook
		err error
	}
	done := make(chan result, 1)
	go func() {
		wb, err := Open(path, Options{Password: password})
		done <- result{wb, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-time.After(corpusTimeBound):
		t.Errorf("%s: no answer in %v", path, corpusTimeBound)
		return "hang"
	}
	if res.err != nil {
		return refusalOutcome(t, path, res.err)
	}
	return readOutcome(res.wb)
}

func refusalOutcome(t *testing.T, path string, err error) string {
	t.Helper()
	var me *msg.Error
	if !errors.As(err, &me) {
		t.Errorf("%s: not a user error: %T %v", path, err, err)
		return "error " + err.Error()
	}
	defer msg.SetLanguage(msg.Korean)
	for _, l := range []msg.Lang{msg.Korean, msg.English} {
		msg.SetLanguage(l)
		if !strings.Contains(err.Error(), filepath.Base(path)) {
			t.Errorf("%s: the %s message does not name the file: %v", path, l, err)
		}
	}
	if me.ID == idDamaged && me.Err == nil {
		t.Errorf("%s: damaged, and the cause is not kept", path)
	}
	out := "refused " + string(me.ID)
	if me.Where.Sheet != "" {
		out += " sheet=" + me.Where.Sheet
	}
	return out
}

func readOutcome(wb *Workbook) string {
	h := fnv.New64a()
	cells := 0
	var buf []byte
	for _, s := range wb.Sheets {
		fmt.Fprintf(h, "sheet %q %v\n", s.Name, s.Hidden)
		for _, r := range s.Rows {
			for i, c := range r.Cells {
				if c.Empty() {
					continue
				}
				// Cheaper than fmt: a million cells are hashed per run.
				buf = strconv.AppendInt(buf[:0], int64(r.Num), 10)
				buf = append(buf, ',')
				buf = strconv.AppendInt(buf, int64(i+1), 10)
				buf = append(buf, ' ', max(c.Type, '-'), 0)
				buf = append(buf, c.Value...)
				buf = append(buf, 0)
				buf = append(buf, s.Format(c)...)
				buf = strconv.AppendBool(append(buf, 0), c.Formula)
				h.Write(append(buf, '\n'))
				cells++
			}
		}
	}
	out := fmt.Sprintf("read %s sheets=%d cells=%d sum=%016x", wb.Format, len(wb.Sheets), cells, h.Sum64())
	for _, w := range wb.Warnings {
		out += " warn=" + string(w.ID)
	}
	return out
}

func printOutcomes(got map[string]string) {
	for _, key := range slices.Sorted(maps.Keys(got)) {
		fmt.Printf("\t%q: %q,\n", key, got[key])
	}
}

// corpusOutcomes is what each corpus file gives today. Notes P1–P11 of the
// MANIFEST are the problems these outcomes settle.
var corpusOutcomes = map[string]string{
	"korean/GiyeonNa+Python_data-analysis/age.csv":                                                            "read csv sheets=1 cells=397696 sum=0af977331e9a6053",
	"korean/GiyeonNa+Python_data-analysis/seoul.csv":                                                          "read csv sheets=1 cells=201874 sum=e048cc9d52ac3fc6",
	"korean/GiyeonNa+Python_data-analysis/subwayfee.csv":                                                      "read csv sheets=1 cells=4792 sum=0a53136065eca7cc",
	"korean/GiyeonNa+Python_data-analysis/subwaytime.csv":                                                     "read csv sheets=1 cells=31172 sum=92a2f7d918c23d0f",
	"korean/GiyeonNa+Python_data-analysis/weather_report.csv":                                                 "read csv sheets=1 cells=1835 sum=1bd4809e58e1ef8f",
	"korean/KangJuHyeok+korea_population/age.csv":                                                             "read csv sheets=1 cells=524 sum=4f6a5eacb672c046",
	"korean/KangJuHyeok+korea_population/age_gender_2022.csv":                                                 "read csv sheets=1 cells=3933 sum=f02b6d6dd9676427",
	"korean/KwonOil+study_ai/data/ICT_전문인력의_취업자_현황_성별__20250422112629 (1).xlsx":                               "read xlsx sheets=2 cells=137 sum=ce2bb28ecde31c0d",
	"korean/KwonOil+study_ai/data/ict_수정.xlsx":                                                                "read xlsx sheets=2 cells=118 sum=245a02bb4db0e100",
	"korean/KwonOil+study_ai/data/남북한발전전력량.51feae9.csv":                                                       "read csv sheets=1 cells=283 sum=7ff75f95904b7cc9",
	"korean/KwonOil+study_ai/data/남북한발전전력량.5e49114.xlsx":                                                      "read xlsx sheets=2 cells=299 sum=7481900ad0cbd82f",
	"korean/KwonOil+study_ai/data/남북한발전전력량.76d81fc.csv":                                                       "read csv sheets=1 cells=283 sum=c4a0dabe474799a2",
	"korean/KwonOil+study_ai/data/남북한발전전력량.csv":                                                               "read csv sheets=1 cells=569 sum=ec269aae3f86da96",
	"korean/KwonOil+study_ai/data/남북한발전전력량.xlsx":                                                              "read xlsx sheets=1 cells=283 sum=c39222aec5643c58",
	"korean/KwonOil+study_ai/data/남북한발전전력량2.04ae12c.csv":                                                      "read csv sheets=1 cells=283 sum=3d651db094f04f47",
	"korean/KwonOil+study_ai/data/남북한발전전력량2.94b1433.csv":                                                      "read csv sheets=1 cells=283 sum=11e45eea0008f62b",
	"korean/KwonOil+study_ai/data/남북한발전전력량2.csv":                                                              "read csv sheets=1 cells=569 sum=98f6d09096d93490",
	"korean/KwonOil+study_ai/data_4/경기도인구데이터.xlsx":                                                            "read xlsx sheets=1 cells=540 sum=3faf49982148cc27",
	"korean/KwonOil+study_ai/data_4/서울지역_대학교_위치.xlsx":                                                         "read xlsx sheets=1 cells=143 sum=5c69a779fda0cbac",
	"korean/KwonOil+study_ai/data_4/전출지_전입지_시도_별_이동자수.xlsx":                                                   "read xlsx sheets=2 cells=18295 sum=bed1605b2bfa9389",
	"korean/PinkWink+DataScience/data/01. CCTV_in_Seoul.csv":                                                  "read csv sheets=1 cells=156 sum=94b11bb2349de7f2",
	"korean/PinkWink+DataScience/data/01. population_in_Seoul.xls":                                            "refused sheet.legacy_xls",
	"korean/PinkWink+DataScience/data/02. crime_in_Seoul.csv":                                                 "read csv sheets=1 cells=352 sum=697af38a14502561",
	"korean/PinkWink+DataScience/data/05. draw_korea_raw.xlsx":                                                "read xlsx sheets=1 cells=266 sum=7b5a192c5df16599",
	"korean/PinkWink+DataScience/data/05. population_raw_data.xlsx":                                           "read xlsx sheets=2 cells=12214 sum=afed1cf753faa882",
	"korean/PinkWink+DataScience/data/지역_위치별(주유소) (1).xls":                                                    "refused sheet.legacy_xls",
	"korean/PinkWink+DataScience/data/지역_위치별(주유소) (10).xls":                                                   "refused sheet.legacy_xls",
	"korean/PinkWink+DataScience/data/지역_위치별(주유소) (11).xls":                                                   "refused sheet.legacy_xls",
	"korean/blueme1982+records_management_budget/Data/budget_2025.csv":                                        "read csv sheets=1 cells=8616 sum=a9a7b0d0fcaa982f",
	"korean/blueme1982+records_management_budget/assets/data/Raw/records_management_budget.csv":               "read csv sheets=1 cells=14003 sum=cdd57f6d3ad5971e",
	"korean/blueme1982+records_management_budget/assets/data/records_management_budget.csv":                   "read csv sheets=1 cells=15555 sum=95b15bdd353710a2",
	"korean/blueme1982+records_management_budget/assets/data/records_management_budget.d90c7c5.csv":           "read csv sheets=1 cells=15555 sum=875a4fd2b0420932",
	"korean/corazzon+OpenDataWrangling/data/kosis-airline-company.csv":                                        "read csv sheets=1 cells=22182 sum=fc35f2d5ededeb12",
	"korean/corazzon+OpenDataWrangling/data/kosis-airline-region.csv":                                         "read csv sheets=1 cells=22746 sum=701fbb5b176cb332",
	"korean/corazzon+OpenDataWrangling/data/kosis-economic-index.csv":                                         "read csv sheets=1 cells=14835 sum=c05d0e52fa2c42c5",
	"korean/corazzon+OpenDataWrangling/seoul-bike/data/bike_rent_station.csv":                                 "read csv sheets=1 cells=7320 sum=09a2c98e4f600313",
	"korean/corazzon+OpenDataWrangling/seoul-bike/data/bike_rent_station_gu.csv":                              "read csv sheets=1 cells=8784 sum=8f9cc7a05dab77c2",
	"korean/donghwan0907+pandas/02_데이터 입출력/data/남북한발전전력량.xlsx":                                                "read xlsx sheets=1 cells=283 sum=113e0c7960b7a683",
	"korean/donghwan0907+pandas/05_데이터 사전처리/data/경기도인구데이터.xlsx":                                               "read xlsx sheets=1 cells=540 sum=3442f6ed24939f30",
	"korean/donghwan0907+pandas/05_데이터 사전처리/data/서울지역_대학교_위치.xlsx":                                            "read xlsx sheets=1 cells=143 sum=134d277a6bb86870",
	"korean/donghwan0907+pandas/05_데이터 사전처리/data/시도별_전출입_인구수.xlsx":                                            "read xlsx sheets=2 cells=16013 sum=3b39aba13676d44c",
	"korean/donghwan0907+pandas/data/시도별_전출입_인구수.xlsx":                                                        "read xlsx sheets=2 cells=16011 sum=3b2578ffe964e3c2",
	"korean/gtgalone+ml-practice/stat_104102.xlsx":                                                            "read xlsx sheets=1 cells=197 sum=5e020877c152436d",
	"korean/kbh9125+data-analysis-for-everyone/age.csv":                                                       "read csv sheets=1 cells=399568 sum=47f0839ba434dde9",
	"korean/kbh9125+data-analysis-for-everyone/age2.csv":                                                      "read csv sheets=1 cells=399568 sum=9f1cc8b236b10d71",
	"korean/kbh9125+data-analysis-for-everyone/seoul.csv":                                                     "read csv sheets=1 cells=296614 sum=b65b83e146ae9345",
	"korean/kbh9125+data-analysis-for-everyone/subwayfee.csv":                                                 "read csv sheets=1 cells=4792 sum=c1b1c515bfb725b4",
	"korean/kbh9125+data-analysis-for-everyone/subwaytime.csv":                                                "read csv sheets=1 cells=31172 sum=d513824e8dbcd87b",
	"korean/teampopong+korea-assembly-officials-property/data/20120530/1_extracted.xlsx":                      "read xlsx sheets=2 cells=38077 sum=2b2ff59dcd700865",
	"problems/ClosedXML+ClosedXML/ClosedXML.Tests/Resource/TryToLoad/LO/xlsx/xf_default_values.xlsx":          "read xlsx sheets=1 cells=121 sum=a664f1299a993ef3",
	"problems/ClosedXML+ClosedXML/ClosedXML.Tests/Resource/TryToLoad/SheetsWithoutRelId.xlsx":                 "read xlsx sheets=1 cells=1 sum=83706e1814321573 warn=sheet.skipped_unlinked warn=sheet.skipped_unlinked",
	"problems/ClosedXML+ClosedXML/ClosedXML.Tests/Resource/TryToLoad/TemplateWithTableSourcePivotTables.xlsx": "read xlsx sheets=28 cells=1789 sum=7bc8b3bd7c9b9241",
	"problems/ClosedXML+ClosedXML/ClosedXML.Tests/Resource/TryToLoad/~$LoadPivotTables.xlsx":                  "refused sheet.lock_file",
	"problems/apache+poi/test-data/poifs/60320-protected.xlsx":                                                "refused sheet.password_needed",
	"problems/apache+poi/test-data/poifs/60320-protected.xlsx#Test001!!":                                      "read xlsx sheets=2 cells=119 sum=c7849b24b24c0b01",
	"problems/apache+poi/test-data/poifs/extenxls_pwd123.xlsx":                                                "refused sheet.password_needed",
	"problems/apache+poi/test-data/poifs/extenxls_pwd123.xlsx#pwd123":                                         "read xlsx sheets=1 cells=28 sum=e41a9424d546b7a2",
	"problems/apache+poi/test-data/poifs/protect.xlsx":                                                        "read xlsx sheets=3 cells=2 sum=ea309eaaa0b4a548",
	"problems/apache+poi/test-data/spreadsheet/50096.xlsx":                                                    "refused sheet.too_large sheet=Tabelle1",
	"problems/apache+poi/test-data/spreadsheet/53101.xlsx":                                                    "refused sheet.too_large sheet=Sheet1",
	"problems/apache+poi/test-data/spreadsheet/53105.xlsx":                                                    "refused sheet.too_large sheet=Sheet1",
	"problems/apache+poi/test-data/spreadsheet/54764.xlsx":                                                    "refused sheet.damaged",
	"problems/apache+poi/test-data/spreadsheet/58616.xlsx":                                                    "read xlsx sheets=6 cells=4253 sum=b297c5dee5acd9af",
	"problems/apache+poi/test-data/spreadsheet/58896.xlsx":                                                    "refused sheet.too_large sheet=Sheet0",
	"problems/apache+poi/test-data/spreadsheet/64420.xlsm":                                                    "read xlsx sheets=2 cells=2 sum=fb503b4149bf7be5 warn=sheet.skipped_macro",
	"problems/apache+poi/test-data/spreadsheet/duplicate-filename.xlsx":                                       "refused sheet.damaged",
	"problems/apache+poi/test-data/spreadsheet/poc-xmlbomb.xlsx":                                              "refused sheet.damaged",
	"problems/apache+poi/test-data/spreadsheet/sample-beta.xlsx":                                              "read xlsx sheets=3 cells=20 sum=35d083776f5e7853",
	"problems/apache+poi/test-data/spreadsheet/testEXCEL_3.xls":                                               "refused sheet.old_biff",
	"problems/apache+poi/test-data/spreadsheet/testEXCEL_4.xls":                                               "refused sheet.old_biff",
	"problems/apache+poi/test-data/spreadsheet/xlsx-corrupted.xlsx":                                           "read xlsx sheets=2 cells=18 sum=5fc45df5ae008b2a",
	"problems/exceljs+exceljs/spec/integration/data/missing-bits.xlsx":                                        "refused sheet.damaged",
	"problems/exceljs+exceljs/spec/integration/data/test-row-styles.xlsx":                                     "read xlsx sheets=1 cells=1102 sum=57404241842a01ab",
	"problems/python-excel+xlrd/tests/samples/biff4_no_format_no_window2.xls":                                 "refused sheet.old_biff",
	"problems/qax-os+excelize/test/BadWorkbook.xlsx":                                                          "refused sheet.damaged",
	"problems/tafia+calamine/tests/empty_s_attribute.xlsx":                                                    "read xlsx sheets=1 cells=10 sum=8e39a2f3a14d53a2",
	"problems/tafia+calamine/tests/issue252.xlsx":                                                             "refused sheet.damaged",
	"problems/tafia+calamine/tests/minimal_package.xlsx":                                                      "read xlsx sheets=1 cells=6986 sum=3badd0895ad8f3da",
	"problems/tafia+calamine/tests/too_small.xls":                                                             "read csv sheets=1 cells=1 sum=615aedd11f895d67",
	"problems/tealeg+xlsx/testdocs/badfile_noWorksheets.xlsx":                                                 "refused sheet.damaged sheet=Tabelle1",
	"sample/ClosedXML+ClosedXML/ClosedXML.Tests/Resource/Examples/Styles/UsingPhonetics.xlsx":                 "read xlsx sheets=1 cells=1 sum=a459f9b8113628ad",
	"sample/ClosedXML+ClosedXML/ClosedXML.Tests/Resource/Examples/Styles/UsingRichText.xlsx":                  "read xlsx sheets=1 cells=6 sum=2eae58d9ed64f2e0",
	"sample/ClosedXML+ClosedXML/ClosedXML.Tests/Resource/TryToLoad/LO/xlsx/universal-content-strict.xlsx":     "read xlsx sheets=2 cells=8 sum=6854ad529cf50277",
	"sample/apache+poi/test-data/spreadsheet/1904DateWindowing.xls":                                           "refused sheet.legacy_xls",
	"sample/apache+poi/test-data/spreadsheet/57893-many-merges.xlsx":                                          "refused sheet.empty",
	"sample/apache+poi/test-data/spreadsheet/59746_NoRowNums.xlsx":                                            "read xlsx sheets=1 cells=571 sum=73fdada93297a7f0",
	"sample/apache+poi/test-data/spreadsheet/65016.xlsx":                                                      "read xlsx sheets=3 cells=68048 sum=0ae66f743ac42e56",
	"sample/apache+poi/test-data/spreadsheet/Booleans.xlsx":                                                   "read xlsx sheets=3 cells=8 sum=02d08221417c42f0",
	"sample/apache+poi/test-data/spreadsheet/DateFormatTests.xlsx":                                            "read xlsx sheets=2 cells=194 sum=ad6fd9d886c3685c",
	"sample/apache+poi/test-data/spreadsheet/InlineStrings.xlsx":                                              "read xlsx sheets=3 cells=28 sum=9cad620f8cbae275",
	"sample/apache+poi/test-data/spreadsheet/SimpleStrict.xlsx":                                               "read xlsx sheets=2 cells=19 sum=a756ca15cd140eb3",
	"sample/apache+poi/test-data/spreadsheet/TwoSheetsOneHidden.xlsx":                                         "read xlsx sheets=2 cells=2 sum=e8f6c574cd83749e",
	"sample/apache+poi/test-data/spreadsheet/sample.strict.xlsx":                                              "read xlsx sheets=3 cells=29 sum=9dd5bc5f58264fa5",
	"sample/exceljs+exceljs/spec/integration/data/chart-sheet.xlsx":                                           "read xlsx sheets=1 cells=28 sum=031871cab36c6f97",
	"sample/jmcnamara+XlsxWriter/xlsxwriter/test/comparison/xlsx_files/date_1904_01.xlsx":                     "read xlsx sheets=1 cells=6 sum=8d236777dcf81368",
	"sample/jmcnamara+XlsxWriter/xlsxwriter/test/comparison/xlsx_files/merge_range05.xlsx":                    "read xlsx sheets=1 cells=1 sum=e58e55419d446396",
	"sample/jmcnamara+XlsxWriter/xlsxwriter/test/comparison/xlsx_files/rich_string06.xlsx":                    "read xlsx sheets=1 cells=3 sum=75e8afddd06aebcb",
	"sample/qax-os+excelize/test/encryptAES.xlsx":                                                             "refused sheet.password_needed",
	"sample/qax-os+excelize/test/encryptAES.xlsx#password":                                                    "read xlsx sheets=1 cells=1 sum=6a0b1dadcd665215",
	"sample/tafia+calamine/tests/date.ods":                                                                    "refused sheet.ods",
	"sample/tafia+calamine/tests/date.xls":                                                                    "refused sheet.legacy_xls",
	"sample/tafia+calamine/tests/date.xlsb":                                                                   "refused sheet.xlsb",
	"sample/tafia+calamine/tests/date.xlsx":                                                                   "read xlsx sheets=1 cells=6 sum=7a30a41d58809eac",
	"sample/tafia+calamine/tests/date_1904.xlsx":                                                              "read xlsx sheets=1 cells=6 sum=f8bd075c07cb0d48",
	"sample/tafia+calamine/tests/date_iso.xlsx":                                                               "read xlsx sheets=1 cells=6 sum=d597055d6d6a4ebe",
	"sample/tafia+calamine/tests/errors.xlsx":                                                                 "read xlsx sheets=3 cells=7 sum=eed6da9a5124e517",
	"sample/tafia+calamine/tests/has_x000D_inline.xlsx":                                                       "read xlsx sheets=1 cells=1 sum=ba00d81a5fb04557",
	"sample/tafia+calamine/tests/inlineStr_cdata.xlsx":                                                        "read xlsx sheets=1 cells=4 sum=429abe397648e0b1",
	"sample/tafia+calamine/tests/inlineStr_with_value.xlsx":                                                   "read xlsx sheets=1 cells=14 sum=ce0490dee6b7b37b",
	"sample/tafia+calamine/tests/merged_range.xlsx":                                                           "read xlsx sheets=2 cells=31 sum=eb193a6bb0ccb6c0",
	"sample/tafia+calamine/tests/nonstandard-xml-ns-prefix.xlsx":                                              "read xlsx sheets=1 cells=6 sum=0ba61fd9bfeeb1df",
	"sample/tafia+calamine/tests/richtext-namespaced.xlsx":                                                    "read xlsx sheets=3 cells=2 sum=5f7f229f897879d9",
	"sample/tafia+calamine/tests/strict_iso_paths.xlsx":                                                       "read xlsx sheets=1 cells=1368 sum=f33014e635271765",
	"sample/tealeg+xlsx/testdocs/googleDocsTest.xlsx":                                                         "read xlsx sheets=1 cells=4 sum=263bf82be0b23c1b",
	"sample/tealeg+xlsx/testdocs/macNumbersTest.xlsx":                                                         "read xlsx sheets=1 cells=1 sum=09ebcfed9f984dfd",
	"sample/tealeg+xlsx/testdocs/merged_cells.xlsx":                                                           "read xlsx sheets=1 cells=18 sum=0c80fffd82831b96",
	"sample/tealeg+xlsx/testdocs/namespaced.xlsx":                                                             "read xlsx sheets=1 cells=22 sum=1d6c2cc96565e367",
	"sample/tealeg+xlsx/testdocs/wpsBlankLineTest.xlsx":                                                       "read xlsx sheets=1 cells=3 sum=6a59a1a1e509db5d",
	"synthetic/div_first.xls":                                                                                 "read html sheets=1 cells=1 sum=1967933240b9460b",
	"synthetic/pohang_pct.xlsx":                                                                               "read xlsx sheets=2 cells=650 sum=4a0dabe6ffc75939",
	"synthetic/pohang_pct_dxf.xlsx":                                                                           "read xlsx sheets=2 cells=650 sum=4a0dabe6ffc75939",
	"synthetic/style_first.xls":                                                                               "read html sheets=1 cells=8 sum=24ca6b81deba56b9",
	"synthetic/style_first_cp949.xls":                                                                         "read html sheets=1 cells=8 sum=8071dd2ea74a9f77",
	"synthetic/tr_first.xls":                                                                                  "read html sheets=1 cells=4 sum=7a265fe63129651f",
}
