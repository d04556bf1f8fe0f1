; Per-user installer of Haeoreum Register (해오름 등록부) for Windows x64.
;
; Built by scripts/release.sh on Linux with Debian's NSIS (makensis works in
; this folder, so relative paths below are relative to packaging/windows;
; pass DISTDIR and OUTFILE as absolute paths):
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.1 \
;     -DDISTDIR=$PWD/dist/windows -DOUTFILE=$PWD/dist/haeoreum-0.1.0-windows-amd64-setup.exe \
;     [-DSIGN=packaging/windows/sign.sh] packaging/windows/installer.nsi
;
; - needs no administrator rights: RequestExecutionLevel user, installs into
;   %LOCALAPPDATA%\Programs\Haeoreum, writes only HKCU;
; - Start-menu entry for the current user; the uninstaller is registered
;   under HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall, so it is
;   listed in Settings → Apps;
; - registers NO file associations (the app must never take .xlsx from Excel);
; - Korean and English pages, chosen from the Windows display language;
; - the uninstaller leaves the register, its backups and settings
;   (%LOCALAPPDATA%\Haeoreum, %APPDATA%\fyne\kr.haeoreum.register) alone;
; - silent: setup.exe /S [/D=C:\path]   uninstall.exe /S
; - with -DSIGN=script, makensis signs the uninstaller and the installer
;   through that script (script FILE signs FILE in place).

; A 64-bit installer: the app is x64 only, and Debian's NSIS has the amd64 stubs.
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z is required"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef DISTDIR
  !define DISTDIR "../../dist/windows"
!endif
!ifndef OUTFILE
  !define OUTFILE "haeoreum-${VERSION}-windows-amd64-setup.exe"
!endif

!define APPID     "kr.haeoreum.register"
!define PUBLISHER "Haeoreum"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!define ICON      "haeoreum.ico"

Name "해오름 등록부 / Haeoreum Register ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Haeoreum"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "Haeoreum Register ${VERSION}"

!ifdef SIGN
  !uninstfinalize '"${SIGN}" "%1"' = 0
  !finalize '"${SIGN}" "%1"' = 0
!endif

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "Haeoreum Register"
VIAddVersionKey /LANG=0 "FileDescription" "Haeoreum Register setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "© ${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\haeoreum.exe"
!define MUI_FINISHPAGE_NOREBOOTSUPPORT

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback when Windows' display language is
; neither Korean nor English.
!insertmacro MUI_LANGUAGE "Korean"
!insertmacro MUI_LANGUAGE "English"

LangString AppName ${LANG_KOREAN} "해오름 등록부"
LangString AppName ${LANG_ENGLISH} "Haeoreum Register"
LangString DataKept ${LANG_KOREAN} "등록부와 백업, 설정은 삭제하지 않았습니다:$\r$\n$LOCALAPPDATA\Haeoreum"
LangString DataKept ${LANG_ENGLISH} "The register, its backups and settings were kept:$\r$\n$LOCALAPPDATA\Haeoreum"

Section "Haeoreum Register" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${DISTDIR}/haeoreum.exe"
  File "${DISTDIR}/haeoreum-cli.exe"
  File "/oname=OFL-NanumGothic.txt" "../../assets/fonts/OFL.txt"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; One entry in the user's Start menu, no folder (as Windows 10/11 expect).
  CreateShortcut "$SMPROGRAMS\$(AppName).lnk" "$INSTDIR\haeoreum.exe" "" "$INSTDIR\haeoreum.exe" 0 \
    SW_SHOWNORMAL "" "$(AppName)"
  WriteRegStr HKCU "${UNINSTKEY}" "StartMenuShortcut" "$SMPROGRAMS\$(AppName).lnk"

  ; Settings → Apps (per-user uninstall entry)
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "$(AppName)"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\haeoreum.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ReadRegStr $0 HKCU "${UNINSTKEY}" "StartMenuShortcut"
  StrCmp $0 "" +2
    Delete "$0"
  Delete "$SMPROGRAMS\해오름 등록부.lnk"
  Delete "$SMPROGRAMS\Haeoreum Register.lnk"

  ; Only the files this installer put there; the folder goes if empty.
  Delete "$INSTDIR\haeoreum.exe"
  Delete "$INSTDIR\haeoreum-cli.exe"
  Delete "$INSTDIR\OFL-NanumGothic.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${UNINSTKEY}"
  IfSilent +2
    MessageBox MB_OK|MB_ICONINFORMATION "$(DataKept)"
SectionEnd
