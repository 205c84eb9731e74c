"""A consolidation the page follows: real progress (files read, then writing), and the safety rules kept —
the job's private folder removed when it ends (also when it fails or the server stops), a bounded board."""
from __future__ import annotations

import queue
import threading
import time
from pathlib import Path

import pytest

from chuanqg_xl.web import actions
from chuanqg_xl.web.app import WORKERS, served_state
from chuanqg_xl.web.jobs import MAX_KEPT, MAX_RUNNING, JobBoard
from webtools import BASE, SAMPLES, app, client, follow, post_files, temp_root, visible_text  # noqa: F401

THREE = [SAMPLES / "hai-ba-trung-2023.xlsx", SAMPLES / "kon-tum-2023.xlsx", SAMPLES / "lai-chau-2024.xlsx"]
XHR = {"X-Requested-With": "fetch"}


def poll(client, answer) -> tuple[int, dict]:
    reply = client.get(answer.get_json()["poll"], base_url=BASE, headers=XHR)
    return reply.status_code, reply.get_json()


class Held:
    """The app's work slots taken by the test: jobs wait for their turn until `release()`."""

    def __init__(self, app) -> None:
        self.work = served_state(app).work
        for _ in range(WORKERS):
            self.work.acquire()
        self.held = True

    def release(self) -> None:
        if self.held:
            for _ in range(WORKERS):
                self.work.release()
            self.held = False


def test_the_page_hears_files_read_then_writing(client, app, temp_root: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Each progress call of the library holds the job until the test has asked how far it is: every step seen."""
    reached: queue.Queue = queue.Queue()
    go: queue.Queue = queue.Queue()
    real = actions.consolidate_uploads

    def stepped(uploads, folder, lang, progress=None):
        def step(phase: str, done: int, total: int) -> None:
            progress(phase, done, total)
            reached.put((phase, done, total))
            go.get(timeout=60)
        return real(uploads, folder, lang, progress=step)

    monkeypatch.setattr(actions, "consolidate_uploads", stepped)
    held = Held(app)
    started = post_files(client, THREE)
    assert started.status_code == 202
    status, waiting = poll(client, started)
    assert (status, waiting["phase"], waiting["fraction"]) == (200, "queued", None)
    assert waiting["message"] == "Đang chờ lượt: một việc kiểm tra khác đang chạy…"
    assert len(list(temp_root.iterdir())) == 1                  # the job's folder, with the uploads in it
    held.release()

    seen: list[tuple[tuple[str, int, int], dict]] = []
    while True:
        try:
            step = reached.get(timeout=60 if not seen else 5)
        except queue.Empty:
            break
        status, state = poll(client, started)
        seen.append((step, state))
        go.put(None)
    reads = [state["message"] for (phase, _, _), state in seen if phase == "read"]
    assert reads == ["Đang đọc các sổ: xong 1/3…", "Đang đọc các sổ: xong 2/3…", "Đang đọc các sổ: xong 3/3…"]
    writes = [state for (phase, _, _), state in seen if phase == "write"]
    assert writes and all(state["message"].startswith("Đã đọc xong, đang ghi bảng tổng hợp (") for state in writes)
    fractions = [state["fraction"] for _, state in seen]
    assert fractions == sorted(fractions) and 0 < fractions[0] and fractions[-1] <= 1   # the bar only moves on
    assert writes[-1]["percent"] == 100

    answer, _ = follow(client, started)
    assert "Đã đọc được 3/3 sổ" in visible_text(answer.get_json()["html"])
    assert list(temp_root.iterdir()) == []


def test_a_job_ends_leaving_nothing_and_gives_its_result_once(client, app, temp_root: Path) -> None:
    started = post_files(client, THREE)
    answer, _ = follow(client, started)
    assert answer.status_code == 200 and "/r/" in answer.get_json()["url"]
    assert list(temp_root.iterdir()) == []
    status, again = poll(client, started)                       # asked again: where to see it, not a second copy
    assert status == 200 and again == {"url": answer.get_json()["url"]}
    board = served_state(app).jobs
    assert all(job.result is None and job.folder is None for job in board._jobs.values())


def test_a_consolidation_with_nothing_readable_says_why(client, temp_root: Path) -> None:
    started = post_files(client, [(b"ten,truong\n", "a.xlsx"), (b"", "b.xlsx")])
    answer, _ = follow(client, started)
    assert answer.status_code == 422
    sentence = answer.get_json()["error"]
    assert "a.xlsx" in sentence and "b.xlsx" in sentence and "tep-0" not in sentence
    assert "Traceback" not in answer.get_json()["html"]
    assert list(temp_root.iterdir()) == []


def test_too_many_unfinished_consolidations_are_refused(client, app, temp_root: Path) -> None:
    held = Held(app)
    try:
        started = [post_files(client, THREE[:2]) for _ in range(MAX_RUNNING)]
        assert all(answer.status_code == 202 for answer in started)
        refused = post_files(client, THREE[:2])
        assert refused.status_code == 429
        assert refused.get_json()["error"] == (f"Đang có {MAX_RUNNING} lần tổng hợp chưa xong. Hãy chờ một lần xong "
                                               "rồi chọn lại các tệp.")
        assert len(list(temp_root.iterdir())) == MAX_RUNNING    # the refused request's folder is gone already
    finally:
        held.release()
    for answer in started:
        assert follow(client, answer)[0].status_code == 200
    assert list(temp_root.iterdir()) == []


def test_the_server_stopping_removes_the_folders_of_jobs_under_way(client, app, temp_root: Path) -> None:
    held = Held(app)
    started = post_files(client, THREE)
    assert len(list(temp_root.iterdir())) == 1
    served_state(app).close()                                   # what `serve` does on Ctrl+C
    assert list(temp_root.iterdir()) == []
    held.release()                                              # the job's thread runs on: it must not fail loudly
    answer, _ = follow(client, started)
    assert answer.status_code in (200, 422)
    assert list(temp_root.iterdir()) == []


def test_without_the_script_several_files_still_give_the_result_page(client, temp_root: Path) -> None:
    answer = post_files(client, THREE, xhr=False)
    assert answer.status_code == 303 and "/r/" in answer.headers["Location"]
    assert list(temp_root.iterdir()) == []


def test_following_a_job_is_refused_across_sites_and_unknown_jobs_get_a_sentence(client) -> None:
    started = post_files(client, THREE)
    address = started.get_json()["poll"]
    crossed = client.get(address, base_url=BASE, headers={**XHR, "Sec-Fetch-Site": "cross-site"})
    assert crossed.status_code == 403
    gone = client.get("/job/no-such-job?lang=vi", base_url=BASE, headers=XHR)
    assert gone.status_code == 404 and "Không còn theo dõi được lần tổng hợp này" in gone.get_json()["error"]
    follow(client, started)


def test_the_board_stays_bounded_and_every_folder_goes(tmp_path: Path) -> None:
    board = JobBoard()
    finished = threading.Event()
    done = []

    def work(job):
        done.append(job.ident)
        if len(done) == 40:
            finished.set()
        return "result", "token"

    folders = []
    for number in range(40):
        folder = tmp_path / f"job-{number}"
        folder.mkdir()
        folders.append(folder)
        while board.running() >= MAX_RUNNING:
            time.sleep(0.01)
        assert board.start(folder, 1, "vi", work, repr) is not None
    assert finished.wait(30)
    deadline = time.monotonic() + 10
    while board.running() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(board) <= MAX_KEPT
    assert not any(folder.exists() for folder in folders)


def test_the_library_reports_progress_as_the_page_needs_it(tmp_path: Path) -> None:
    from chuanqg_xl.web.uploads import Upload

    uploads = []
    for number, path in enumerate(THREE, start=1):
        copy = tmp_path / f"tep-{number:02d}.xlsx"
        copy.write_bytes(path.read_bytes())
        uploads.append(Upload(path.name, copy))
    calls: list[tuple[str, int, int]] = []
    actions.consolidate_uploads(uploads, tmp_path, "vi", progress=lambda *call: calls.append(call))
    assert [call for call in calls if call[0] == "read"] == [("read", 1, 3), ("read", 2, 3), ("read", 3, 3)]
    writes = [call for call in calls if call[0] == "write"]
    assert writes and writes[-1][1] == writes[-1][2] and calls.index(writes[0]) == 3
