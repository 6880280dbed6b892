# The Windows application, on a Windows 10/11 PC with Python 3.11 (python.org installer, "py" launcher):
#
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#
# Gives dist\salon-desk\salon-desk.exe (one folder: Python, Qt, the font, the translations)
# and dist\salon-desk-windows.zip to hand to the shop. Qt on Windows needs no system packages.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
if (-not (Test-Path .venv)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install -e ".[package]"
.venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\salon-desk.spec
Compress-Archive -Force -Path dist\salon-desk -DestinationPath dist\salon-desk-windows.zip
Write-Host "dist\salon-desk-windows.zip is ready"
