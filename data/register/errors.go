package register

import "github.com/haeoreum/register/data/msg"

// Errors a caller can tell apart with errors.Is; each names the register file.
var (
	ErrNotRegister   = &msg.Error{ID: msgNotRegister}
	ErrDamaged       = &msg.Error{ID: msgDamaged}
	ErrNewerSchema   = &msg.Error{ID: msgNewerSchema}
	ErrNetworkDrive  = &msg.Error{ID: msgNetworkDrive}
	ErrInUse         = &msg.Error{ID: msgInUse}
	ErrBusy          = &msg.Error{ID: msgBusy}
	ErrReadOnly      = &msg.Error{ID: msgReadOnly}
	ErrDiskFull      = &msg.Error{ID: msgDiskFull}
	ErrStale         = &msg.Error{ID: msgStale}
	ErrNotFound      = &msg.Error{ID: msgNotFound}
	ErrNothingToUndo = &msg.Error{ID: msgNothingToUndo}
	ErrCannotCreate  = &msg.Error{ID: msgCannotCreate}
	ErrBadBackup     = &msg.Error{ID: msgBadBackup}
	// ErrBackupReadOnly: no backup could be written, the folder is read-only.
	ErrBackupReadOnly = &msg.Error{ID: msgBackupReadOnly}
	// ErrBackupFailed: no backup could be written for another reason.
	ErrBackupFailed = &msg.Error{ID: msgBackupFailed}
	// ErrBackupNewer: the backup was made by a newer version of the app.
	ErrBackupNewer = &msg.Error{ID: msgBackupNewer}
	// ErrFileGone: the register file was deleted or replaced while open.
	ErrFileGone = &msg.Error{ID: msgFileGone}
	// ErrNoFile: there is no register file at the path given.
	ErrNoFile = &msg.Error{ID: msgNoFile}
)

var (
	msgNotRegister = msg.Define("register.not_register",
		"해오름 등록부 파일이 아닙니다. 다른 프로그램의 파일일 수 있어 열거나 고치지 않았습니다. 등록부 파일(.db)을 다시 선택해 주세요.",
		"this is not a Haeoreum register file. It may belong to another program, so it was neither opened nor changed. Choose a register file (.db).")
	msgDamaged = msg.Define("register.damaged",
		"등록부 파일이 손상되었습니다(%s). 파일은 그대로 두었습니다. 설정 > 백업에서 가장 최근 백업으로 복원해 주세요.",
		"the register file is damaged (%s). It was left as it is. Restore the newest backup from Settings > Backups.")
	msgNewerSchema = msg.Define("register.newer_schema",
		"이 등록부는 더 새로운 버전(형식 %d, 이 프로그램은 %d까지)으로 만들어졌습니다. 프로그램을 업데이트해 주세요.",
		"this register was written by a newer version (format %d; this program knows up to %d). Update the program.")
	msgNetworkDrive = msg.Define("register.network_drive",
		"네트워크 드라이브(%s)에 있는 등록부는 수정할 수 없습니다. 네트워크 파일 시스템에서는 SQLite 잠금이 보장되지 않아 파일이 손상될 수 있습니다. 내 PC의 폴더로 복사해서 여세요(보고서와 백업은 네트워크 드라이브에 저장해도 됩니다).",
		"a register on a network drive (%s) cannot be opened for writing: file locks are not reliable on network file systems and the file could be damaged. Copy it to a folder on this PC (reports and backups may go to the network drive).")
	msgInUse = msg.Define("register.in_use",
		"등록부를 %s 님이 %s 컴퓨터에서 사용 중입니다(%s부터). 읽기 전용으로 열거나, 그쪽 프로그램을 닫은 뒤 다시 여세요.",
		"the register is in use by %s on %s (since %s). Open it read-only, or close the program there and try again.")
	msgBusy = msg.Define("register.busy",
		"다른 프로그램이 등록부에 쓰는 중이라 기다렸지만 끝나지 않았습니다. 잠시 후 다시 시도해 주세요. 아무것도 바뀌지 않았습니다.",
		"another program is writing to the register and did not finish in time. Try again in a moment. Nothing was changed.")
	msgReadOnly = msg.Define("register.read_only",
		"등록부에 쓸 수 없습니다(%s). 폴더나 파일이 읽기 전용인지 확인해 주세요. 아무것도 바뀌지 않았습니다.",
		"cannot write to the register (%s). Check whether the folder or file is read-only. Nothing was changed.")
	msgDiskFull = msg.Define("register.disk_full",
		"디스크 공간이 부족하여 저장하지 못했습니다. 공간을 확보한 뒤 다시 시도해 주세요. 등록부는 이전 상태 그대로입니다.",
		"the disk is full, so nothing was saved. Free some space and try again. The register is as it was.")
	msgStale = msg.Define("register.stale",
		"사업 %s이(가) 화면을 연 뒤 다른 곳에서 바뀌었습니다(%s). 다시 불러온 뒤 수정해 주세요. 덮어쓰지 않았습니다.",
		"project %s was changed elsewhere after you opened it (%s). Reload it and edit again. Nothing was overwritten.")
	msgNotFound = msg.Define("register.not_found",
		"사업 %s을(를) 찾을 수 없습니다.",
		"project %s was not found.")
	msgNothingToUndo = msg.Define("register.nothing_to_undo",
		"되돌릴 작업이 없습니다.",
		"there is nothing to undo.")
	msgCannotCreate = msg.Define("register.cannot_create",
		"등록부 파일을 만들 수 없습니다(%s). 폴더에 쓰기 권한이 있는지 확인해 주세요.",
		"cannot create the register file (%s). Check that the folder is writable.")
	msgBadBackup = msg.Define("register.bad_backup",
		"백업 파일을 사용할 수 없습니다. 해오름 등록부의 백업이 아니거나 손상된 파일입니다. 다른 백업을 골라 주세요.",
		"the backup cannot be used: it is not a backup of a Haeoreum register, or it is damaged. Choose another backup.")
	msgBackupMissing = msg.Define("register.backup_missing",
		"백업 파일이 없거나 읽을 수 없습니다. 경로를 확인해 주세요.",
		"the backup file does not exist or cannot be read. Check the path.")
	msgBackupReadOnly = msg.Define("register.backup_read_only",
		"백업 폴더 %s에 쓸 수 없습니다(읽기 전용). 백업 없이는 등록부를 바꾸지 않으므로 아무것도 바뀌지 않았습니다. 쓸 수 있는 폴더에 등록부를 두고 다시 시도해 주세요.",
		"the backup folder %s is read-only. The register is never changed without a backup, so nothing was changed. Keep the register in a folder you can write to and try again.")
	msgBackupFailed = msg.Define("register.backup_failed",
		"백업 폴더 %s에 백업을 만들지 못했습니다. 백업 없이는 등록부를 바꾸지 않으므로 아무것도 바뀌지 않았습니다. 폴더와 디스크를 확인한 뒤 다시 시도해 주세요.",
		"could not write a backup into the folder %s. The register is never changed without a backup, so nothing was changed. Check the folder and the disk and try again.")
	msgBackupNewer = msg.Define("register.backup_newer",
		"이 백업은 더 새로운 버전의 프로그램으로 만들어졌습니다(형식 %d, 이 프로그램은 %d까지). 복원하면 이 프로그램으로 등록부를 열 수 없게 되므로 복원하지 않았습니다. 프로그램을 업데이트한 뒤 복원해 주세요.",
		"this backup was made by a newer version of the app (format %d; this program knows up to %d). Restoring it would leave a register this program cannot open, so nothing was restored. Update the program, then restore.")
	msgFileGone = msg.Define("register.file_gone",
		"작업 중에 등록부 파일이 지워졌거나 다른 파일로 바뀌었습니다. 방금 한 변경은 이 경로의 파일에 저장되지 않았습니다. 등록부를 다시 열어 내용을 확인하고, 필요하면 설정 > 백업에서 복원해 주세요.",
		"the register file was deleted or replaced while the program was using it. The change just made was not saved in the file at this path. Open the register again, check it, and restore a backup from Settings > Backups if needed.")
	msgOpenedReadOnly = msg.Define("register.opened_read_only",
		"등록부를 읽기 전용으로 열었으므로 바꾸지 않았습니다. 바꾸려면 등록부를 읽기 전용이 아니게 다시 열어 주세요.",
		"the register was opened read-only, so nothing was changed. Open it again, not read-only, to change it.")
	msgFolderReadOnly = msg.Define("register.folder_read_only",
		"등록부가 있는 폴더 %s에 쓸 수 없습니다(읽기 전용 매체). 그래서 읽기 전용으로만 열었고 아무것도 바뀌지 않았습니다. 바꾸려면 등록부를 쓸 수 있는 폴더로 복사해서 여세요.",
		"the folder %s that holds the register is read-only (a read-only medium), so the register was opened read-only and nothing was changed. To change it, copy it to a folder you can write to and open it there.")
	msgNoFile = msg.Define("register.no_file",
		"등록부 파일이 없습니다. 경로를 확인해 주세요.",
		"this register file does not exist. Check the path.")
)
