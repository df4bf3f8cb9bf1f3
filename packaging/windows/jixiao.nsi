; packaging/windows/jixiao.nsi — the Windows installer of jixiao (绩效目标申报).
;
; A per-user installer: it needs no administrator rights. It copies
; jixiao.exe (the same file as the portable jixiao-windows-amd64.exe) to
; %LocalAppData%\Programs\jixiao, makes a Start-menu and a desktop shortcut
; named after the program, registers an uninstaller under
; HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall (Settings → Apps
; lists it) and never touches the drafts file (%AppData%\jixiao\drafts.db and
; its backups): removing the program leaves the clerk's work alone.
;
; Built by scripts/mkinstaller.sh with Debian's makensis (nsis 3):
;   makensis -INPUTCHARSET UTF8 -DDEFINES=defines.nsh jixiao.nsi
; defines.nsh sets APPID, NAME, COMMENT, VERSION (0.1.0), VIVERSION
; (0.1.0.1), EXE (the program to install), ICON (.ico) and OUTFILE, all
; taken from FyneApp.toml by the script.
;
; Silent use: setup.exe /S installs; "%LocalAppData%\Programs\jixiao\
; uninstall.exe" /S removes (also QuietUninstallString in the registry).

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "${DEFINES}"
!include "MUI2.nsh"
!include "LogicLib.nsh"

!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "${NAME}"
Caption "${NAME} ${VERSION} 安装"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\jixiao"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "${NAME} ${VERSION}"

VIProductVersion "${VIVERSION}"
VIAddVersionKey /LANG=2052 "ProductName" "${NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "jixiao developers"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_WELCOMEPAGE_TITLE "安装${NAME}"
!define MUI_WELCOMEPAGE_TEXT "${COMMENT}$\r$\n$\r$\n程序装在您自己的用户目录里，不需要管理员权限；开始菜单和桌面上会各有一个“${NAME}”图标。$\r$\n$\r$\n草稿保存在 %AppData%\jixiao\drafts.db，以后卸载程序也不会删除草稿。$\r$\n$\r$\n点“下一步”继续。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\jixiao.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开${NAME}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从本机删除${NAME}程序及其开始菜单和桌面图标。$\r$\n草稿（%AppData%\jixiao\drafts.db）会保留，重新安装后仍可打开。"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "install"
	SetShellVarContext current
	SetOutPath "$INSTDIR"
	; A running jixiao.exe cannot be replaced: ask the clerk to close it.
	retry:
	Delete "$INSTDIR\jixiao.exe"
	${If} ${FileExists} "$INSTDIR\jixiao.exe"
		MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${NAME}正在运行，无法更新 $INSTDIR\jixiao.exe。$\r$\n请先关闭${NAME}（草稿会自动保存），再点“重试”。" /SD IDCANCEL IDRETRY retry
		Abort "安装没有完成：${NAME}正在运行。"
	${EndIf}
	File "/oname=jixiao.exe" "${EXE}"
	WriteUninstaller "$INSTDIR\uninstall.exe"

	CreateShortcut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\jixiao.exe" "" "$INSTDIR\jixiao.exe" 0 SW_SHOWNORMAL "" "${COMMENT}"
	CreateShortcut "$DESKTOP\${NAME}.lnk" "$INSTDIR\jixiao.exe" "" "$INSTDIR\jixiao.exe" 0 SW_SHOWNORMAL "" "${COMMENT}"

	WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${NAME}"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "jixiao"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\jixiao.exe"
	WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
	WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" ${SIZEKB}
SectionEnd

Section "Uninstall"
	SetShellVarContext current
	retry:
	Delete "$INSTDIR\jixiao.exe"
	${If} ${FileExists} "$INSTDIR\jixiao.exe"
		MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${NAME}正在运行，无法卸载。$\r$\n请先关闭${NAME}（草稿会自动保存），再点“重试”。" /SD IDCANCEL IDRETRY retry
		Abort "卸载没有完成：${NAME}正在运行。"
	${EndIf}
	Delete "$SMPROGRAMS\${NAME}.lnk"
	Delete "$DESKTOP\${NAME}.lnk"
	Delete "$INSTDIR\uninstall.exe"
	; Only an empty folder is removed: files the clerk put there stay.
	RMDir "$INSTDIR"
	DeleteRegKey HKCU "${UNINSTKEY}"
	; %AppData%\jixiao (the drafts file, its backups and lock) is the
	; clerk's work and is deliberately left alone.
SectionEnd
