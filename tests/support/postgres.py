"""A throwaway PostgreSQL cluster for the test run: initdb in a temp directory,
listening on a Unix socket only, removed at the end. As root (CI), the server
runs as the ``postgres`` user, since initdb refuses root."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg


def _bindir() -> Path | None:
    versions = Path("/usr/lib/postgresql")
    found = sorted(versions.glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True)
    for candidate in found if versions.is_dir() else []:
        if (candidate / "initdb").exists():
            return candidate
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class PostgresCluster:
    bindir: Path
    root: Path
    socket_dir: Path
    port: int
    as_user: list[str]

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@/{dbname}?host={self.socket_dir}&port={self.port}"

    def create_database(self, name: str) -> str:
        with psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [
                *self.as_user,
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.datadir),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> tuple[PostgresCluster | None, str]:
    """Start a cluster; return it, or None with the reason it could not start."""
    bindir = _bindir()
    if bindir is None:
        return None, "no PostgreSQL server binaries (Debian package postgresql)"
    as_user: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="venue-pg-"))
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            return None, "running as root without runuser"
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    socket_dir = root / "sock"
    cluster = PostgresCluster(bindir, root, socket_dir, 54000 + os.getpid() % 1000, as_user)
    try:
        subprocess.run([*as_user, "mkdir", "-p", str(socket_dir)], check=True, capture_output=True)
        subprocess.run(
            [
                *as_user,
                str(bindir / "initdb"),
                "-D",
                str(cluster.datadir),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        options = (
            f"-c listen_addresses='' -k {socket_dir} -p {cluster.port} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            [
                *as_user,
                str(bindir / "pg_ctl"),
                "-D",
                str(cluster.datadir),
                "-o",
                options,
                "-l",
                str(root / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    except (subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        shutil.rmtree(root, ignore_errors=True)
        return None, f"could not start a throwaway cluster: {str(detail).strip()[-300:]}"
    return cluster, ""
