"""`chuanqg-xl serve` as a real process: what it prints, the hostile corpus, many uploads, two at once.

The server runs with TMPDIR pointing at a folder of the test's, so the test
sees every private folder it makes, and finds that folder empty at the end.
"""
from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

import hostile
from chuanqg_xl.cli import main
from webtools import SAMPLES

HBT = SAMPLES / "hai-ba-trung-2023.xlsx"
STARTUP_SECONDS = 30


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    tmp: Path
    output: list[str]

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            answer = connection.getresponse()
            return answer.status, dict(answer.getheaders()), answer.read()
        finally:
            connection.close()

    def token(self) -> str:
        _, _, page = self.request("GET", "/")
        return re.search(r'csrf=([^"&]+)', page.decode()).group(1)

    def upload(self, files: list[tuple[str, bytes]], token: str) -> tuple[int, dict[str, str], bytes]:
        boundary = uuid.uuid4().hex
        parts = []
        for name, data in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                         f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", f"/check?lang=vi&csrf={token}", body,
                            {"Content-Type": f"multipart/form-data; boundary={boundary}",
                             "X-Requested-With": "fetch", "Origin": f"http://127.0.0.1:{self.port}",
                             "Sec-Fetch-Site": "same-origin"})

    def follow(self, started: bytes, pause: float = 0.1, limit: float = 300.0) -> tuple[int, bytes, list[dict]]:
        """A consolidation's job followed as the page does: (status, last answer, every progress answer)."""
        import json

        address = json.loads(started)["poll"]
        seen: list[dict] = []
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            status, _, body = self.request("GET", address, headers={"X-Requested-With": "fetch"})
            data = json.loads(body)
            if status != 200 or "phase" not in data:
                return status, body, seen
            seen.append(data)
            time.sleep(pause)
        raise AssertionError(f"the job did not end in {limit} s")

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def start(tmp_path: Path, *args: str) -> Server:
    tmp = tmp_path / "server-tmp"
    tmp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "chuanqg_xl", "serve", "--port", "0", "--no-browser", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                               start_new_session=True)
    output: list[str] = []
    deadline = time.monotonic() + STARTUP_SECONDS
    port = None
    while time.monotonic() < deadline and port is None:
        line = process.stdout.readline()
        if not line:
            break
        output.append(line)
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            port = int(found.group(1))
    if port is None:
        process.kill()
        raise AssertionError("the server did not start:\n" + "".join(output) + process.stdout.read())
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    return Server(process, port, tmp, output)


def stop(server: Server) -> int:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
        try:
            return server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()
    return server.process.returncode


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    running = start(tmp_path_factory.mktemp("serve"))
    yield running
    stop(running)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("hostile-web")
    hostile.build_corpus(home)
    return home


def test_help_names_the_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--no-browser", "Ctrl+C"):
        assert option in result.output


def test_prints_the_address_and_how_to_stop_then_stops_on_ctrl_c(tmp_path: Path) -> None:
    running = start(tmp_path)
    status, _, page = running.request("GET", "/")
    assert status == 200 and "Kéo thả sổ kế hoạch Excel hoặc văn bản kế hoạch Word vào đây" in page.decode()
    code = stop(running)
    time.sleep(0.2)
    printed = "".join(running.output)
    assert f"đang chạy tại http://127.0.0.1:{running.port}/" in printed
    assert "Nhấn Ctrl+C trong cửa sổ này để dừng" in printed
    assert "CẢNH BÁO" not in printed                      # loopback: nothing to warn about
    assert "Đã dừng trang kiểm tra." in printed and code == 0


def test_another_host_only_with_a_warning(tmp_path: Path) -> None:
    running = start(tmp_path, "--host", "0.0.0.0")
    try:
        status, _, _ = running.request("GET", "/", headers={"Host": f"127.0.0.1:{running.port}"})
        refused, _, _ = running.request("GET", "/", headers={"Host": f"rebind.example:{running.port}"})
    finally:
        stop(running)
    printed = "".join(running.output)
    assert "CẢNH BÁO: trang đang mở cho địa chỉ 0.0.0.0, không chỉ máy này" in printed
    assert status == 200 and refused == 400


def test_busy_port_is_a_sentence(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "chuanqg_xl", "serve", "--port", str(port), "--no-browser"],
                             capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert f"Không mở được trang tại 127.0.0.1:{port}" in run.stderr and "--port 8766" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_hostile_files_get_the_guards_sentences_and_the_server_lives(server: Server, corpus: Path) -> None:
    token = server.token()
    for item in hostile.CORPUS:
        if item.gap:
            continue
        path = corpus / item.name / item.filename
        status, _, body = server.upload([(item.filename, path.read_bytes())], token)
        text = body.decode()
        assert "Traceback" not in text and "Lỗi không mong đợi" not in text, (item.name, text[:500])
        if item.readable:
            assert status == 200, (item.name, text[:500])
        else:
            assert status == 422, (item.name, status, text[:500])
            sentence = re.search(r'"error":\s*"((?:[^"\\]|\\.)*)"', text).group(1)
            assert item.filename in sentence and any(word in sentence for word in item.words), (item.name, sentence)
            assert str(server.tmp) not in sentence                   # never our private paths
    assert server.process.poll() is None
    assert list(server.tmp.iterdir()) == []


def padded_plan(path: Path, megabytes: int) -> bytes:
    """The sample with an unused, incompressible 'picture' inside: a plan as heavy as a real one with photos."""
    import zipfile

    shutil.copyfile(HBT, path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/media/photo.bin", os.urandom(megabytes * 1024 * 1024))
    return path.read_bytes()


def test_fifty_uploads_leave_nothing_and_keep_memory_flat(server: Server, tmp_path: Path) -> None:
    """Each upload is 3 MB: were results kept without bound, 35 more would add ~105 MiB (measured). Bounded, the
    heap still moves by up to ~35 MiB (a thread per request, and the allocator's per-thread arenas)."""
    token = server.token()
    data = padded_plan(tmp_path / "nang.xlsx", 3)
    for _ in range(15):                                   # the store of results fills up (12 kept)
        assert server.upload([("nang.xlsx", data)], token)[0] == 200
    settled = server.rss_mb()
    for _ in range(35):
        assert server.upload([("nang.xlsx", data)], token)[0] == 200
        assert list(server.tmp.iterdir()) == []
    grown = server.rss_mb() - settled
    assert grown < 60, f"memory grew by {grown:.1f} MiB over 35 uploads (from {settled:.1f} MiB)"


def test_two_at_once(server: Server) -> None:
    token = server.token()
    samples = [("hai-ba-trung-2023.xlsx", HBT.read_bytes()),
               ("kon-tum-2023.xlsx", (SAMPLES / "kon-tum-2023.xlsx").read_bytes())]
    answers: list[tuple[str, int, bytes]] = []
    start_together = threading.Barrier(2)

    def send(name: str, data: bytes) -> None:
        start_together.wait()
        for _ in range(5):
            status, _, body = server.upload([(name, data)], token)
            answers.append((name, status, body))

    threads = [threading.Thread(target=send, args=sample) for sample in samples]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(answers) == 10 and all(status == 200 for _, status, _ in answers)
    for name, _, body in answers:                        # each answer is about its own file
        assert name.encode() in body
        other = samples[1][0] if name == samples[0][0] else samples[0][0]
        assert other.encode() not in body
    assert list(server.tmp.iterdir()) == []


def test_a_province_of_files_is_consolidated_in_worker_processes(server: Server) -> None:
    """From 8 files on, the library reads districts in worker processes: started from the server, they work."""
    from chuanqg_xl.consolidate import PARALLEL_MIN_FILES

    samples = sorted(SAMPLES.glob("*.xlsx"))
    files = [(f"{number:02d}-{path.name}", path.read_bytes())
             for number, path in enumerate(samples * 2, start=1)][:max(PARALLEL_MIN_FILES, 10)]
    status, _, started = server.upload(files, server.token())
    assert status == 202, started[:500]
    status, body, progress = server.follow(started)
    assert status == 200, body[:500]
    assert f"Đã đọc được {len(files)}/{len(files)} sổ" in body.decode()
    messages = [step["message"] for step in progress]
    assert any(message.startswith("Đang đọc các sổ: xong ") and message.endswith(f"/{len(files)}…")
               for message in messages)
    assert list(server.tmp.iterdir()) == []


def test_ctrl_c_during_a_consolidation_leaves_nothing_behind(tmp_path: Path) -> None:
    running = start(tmp_path)
    try:
        files = [(f"{number:02d}-{path.name}", path.read_bytes())
                 for number, path in enumerate(sorted(SAMPLES.glob("*.xlsx")) * 4, start=1)]
        status, _, started = running.upload(files, running.token())
        assert status == 202
        assert list(running.tmp.iterdir())                      # the job's folder, while it works
    finally:
        code = stop(running)
    assert code == 0, "".join(running.output)
    assert list(running.tmp.iterdir()) == []
