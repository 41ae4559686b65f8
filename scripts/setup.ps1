# gongkai on Windows 10/11 with only Python from python.org: make .venv, install gongkai, check the content.
# Windows 10/11 安装脚本：建虚拟环境 .venv，安装 gongkai，再检查一遍内容（gongkai check）。
#
# 用法（在项目目录打开 PowerShell）：
#   powershell -ExecutionPolicy Bypass -File scripts\setup.ps1
#   powershell -ExecutionPolicy Bypass -File scripts\setup.ps1 -Test       # gongkai 仓库：再装测试依赖
#   powershell -ExecutionPolicy Bypass -File scripts\setup.ps1 -Gongkai D:\gongkai-0.1.0-py3-none-any.whl
#
# - 在 gongkai 仓库里（有 pyproject.toml）：pip install -e .（加 -Test 时为 .[test]）。
# - 在只有内容的项目里：安装 -Gongkai 指定的 gongkai（wheel 文件、pip 包名或 git 地址），
#   不指定时用项目目录里的 gongkai-*.whl。
# 公开栏 PDF 需要 WeasyPrint 的 Pango 等系统库，Windows 上通常没有：网站用
# gongkai build --no-boards 生成，公开栏 PDF 在 CI 或 WSL 中生成（见 README）。
# 这个文件以带 BOM 的 UTF-8 保存，Windows PowerShell 5.1 才能正确读出中文。
param(
    [string]$Gongkai = "",
    [switch]$Test
)
$ErrorActionPreference = "Stop"  # for cmdlets; native commands are judged by $LASTEXITCODE
$Root = Split-Path -Parent $PSScriptRoot
if (-not (Test-Path (Join-Path $Root "content")) -and -not (Test-Path (Join-Path $Root "pyproject.toml"))) {
    $Root = (Get-Location).Path  # the script was copied elsewhere: the project is the current folder
}
Set-Location $Root
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8  # gongkai prints UTF-8

function Say([string]$Message) { Write-Host "setup: $Message" }
function Fail([string]$Message) { Write-Host "setup: 错误：$Message" -ForegroundColor Red; exit 1 }

# The python.exe of Python 3.10 or newer: from the py launcher (python.org installer), else python on PATH.
function Find-Python {
    $probe = "import sys; print(sys.executable if sys.version_info >= (3, 10) else '')"
    $launcher = Get-Command py -CommandType Application -ErrorAction SilentlyContinue
    if ($null -ne $launcher) {
        $found = & $launcher.Source -3 -c $probe
        if ($LASTEXITCODE -eq 0 -and "$found".Trim() -ne "") { return "$found".Trim() }
    }
    $python = Get-Command python -CommandType Application -ErrorAction SilentlyContinue
    if ($null -ne $python) {
        $found = & $python.Source -c $probe
        if ($LASTEXITCODE -eq 0 -and "$found".Trim() -ne "") { return "$found".Trim() }
    }
    return $null
}

$VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    $Python = Find-Python
    if ($null -eq $Python) {
        Fail "没有找到 Python 3.10 或更新版本：请从 https://www.python.org/downloads/windows/ 安装（勾选 Add python.exe to PATH），再运行本脚本"
    }
    Say "新建虚拟环境 .venv（$Python）"
    & $Python -m venv (Join-Path $Root ".venv")
    if ($LASTEXITCODE -ne 0) { Fail "python -m venv 失败" }
}

$IsGongkaiRepo = (Test-Path "pyproject.toml") -and (Select-String -Path "pyproject.toml" -Pattern '^name = "gongkai"' -Quiet)
$Editable = $false
if ($Gongkai -ne "") {
    $Requirement = $Gongkai
} elseif ($IsGongkaiRepo) {
    $Editable = $true
    if ($Test) { $Requirement = ".[test]" } else { $Requirement = "." }
} else {
    $Wheel = Get-ChildItem -Path $Root -Filter "gongkai-*.whl" | Sort-Object Name | Select-Object -Last 1
    if ($null -eq $Wheel) {
        Fail "不知道从哪里安装 gongkai：用 -Gongkai 指定 wheel 文件或 pip 地址，或把 gongkai-*.whl 放到项目目录"
    }
    $Requirement = $Wheel.FullName
}

Say "安装 gongkai（$Requirement），第一次需要几分钟"
if ($Editable) {
    & $VenvPython -m pip install --quiet --disable-pip-version-check -e $Requirement
} else {
    & $VenvPython -m pip install --quiet --disable-pip-version-check $Requirement
}
if ($LASTEXITCODE -ne 0) { Fail "pip install 失败（见上面的输出）" }

$GongkaiExe = Join-Path $Root ".venv\Scripts\gongkai.exe"
if (-not (Test-Path (Join-Path $Root "content\site.yml"))) {
    Say "已安装。这里还没有项目：新建一个用 .venv\Scripts\gongkai init 目录名"
    exit 0
}
Say "检查内容：gongkai check"
& $GongkaiExe check $Root
$Code = $LASTEXITCODE
Write-Host ""
Write-Host "常用命令（在项目目录里）："
Write-Host "  .venv\Scripts\gongkai check                 检查内容（有“错误”必须改正）"
Write-Host "  .venv\Scripts\gongkai serve                 预览网站：浏览器打开 http://127.0.0.1:8000/"
Write-Host "  .venv\Scripts\gongkai build --no-boards     生成网站（输出到 site\）"
exit $Code
