; Inno Setup 6 script: per-machine installer of the venue client's one-folder bundle.
;
; Build on Windows (x64) after the bundle exists (installers\build.sh's PyInstaller
; step, run on Windows, leaves it in dist\venue-client\ with venue-client.exe and
; venue-admin.exe):
;   iscc /DAppVersion=0.1.0 installers\windows\venue-client.iss
; -> dist\venue-client-0.1.0-setup.exe
;
; Not built or tested on the Linux build machine (no Inno Setup there); see
; docs/packaging.md.
;
; ChineseSimplified.isl: ships in the Languages folder of recent Inno Setup 6
; releases; an older installation needs it from jrsoftware.org/files/istrans/ copied
; into its Languages folder first.
;
; User data (database, keys, logs, recordings) lives in %LOCALAPPDATA%\venue-client
; (platformdirs, per user). The uninstaller removes only what [Files] installed, so
; that data stays; nothing below deletes it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Venue Client"
#define AppExe "venue-client.exe"
#define Bundle "..\..\dist\venue-client"

[Setup]
; A fixed AppId keeps upgrades in place; never change it once released.
AppId={{6C1E3B52-8F4A-4D7E-9B21-3A5D0F7C9E14}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Venue Client
DefaultDirName={autopf}\VenueClient
DefaultGroupName={cm:AppGroup}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=venue-client-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
CloseApplications=yes

[Languages]
; The first is the default when the system language matches neither.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppGroup=场所客户端
chinesesimplified.AppShortcut=场所客户端
chinesesimplified.AdminShortcut=场所客户端管理命令行 (venue-admin)
english.AppGroup=Venue Client
english.AppShortcut=Venue Client
english.AdminShortcut=Venue Client admin command prompt (venue-admin)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both executables and the shared _internal folder.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's libraries wholesale (stale modules must not linger).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{cm:AppShortcut}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:AdminShortcut}"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}"" && venue-admin.exe --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppShortcut}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppShortcut}}"; Flags: nowait postinstall skipifsilent
