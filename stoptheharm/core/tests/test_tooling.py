"""scripts/find-python: `make run` must find a Python 3.12+ or say what to install."""

import shutil
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "find-python"


def find_python(tmp_path: Path, *, pyenv_python: bool) -> subprocess.CompletedProcess[str]:
    bin_dir = tmp_path / "bin"  # the only directory on PATH: the tools the script uses, and an old python3
    bin_dir.mkdir()
    for tool in ("ls", "sort", "cat"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    old_python = bin_dir / "python3"
    old_python.write_text("#!/bin/sh\nexit 1\n")  # answers the version check as a Python 3.11 would
    old_python.chmod(0o755)
    pyenv_root = tmp_path / "pyenv"
    if pyenv_python:
        (pyenv_root / "versions" / "3.13.0" / "bin").mkdir(parents=True)
        (pyenv_root / "versions" / "3.13.0" / "bin" / "python").symlink_to(sys.executable)
    environ = {"PATH": str(bin_dir), "HOME": str(tmp_path), "PYENV_ROOT": str(pyenv_root)}
    return subprocess.run([shutil.which("bash"), str(SCRIPT)], env=environ, capture_output=True, text=True, check=False)


def test_a_recent_python_under_pyenv_is_found_when_python3_is_too_old(tmp_path):
    result = find_python(tmp_path, pyenv_python=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "pyenv" / "versions" / "3.13.0" / "bin" / "python")


def test_without_a_recent_python_it_says_what_to_install(tmp_path):
    result = find_python(tmp_path, pyenv_python=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "No Python 3.12 or newer was found" in result.stderr
    assert "apt-get install python3.13" in result.stderr
