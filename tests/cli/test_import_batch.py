"""desk import --resume."""


def test_cli_import_resume(run, tmp_path):
    files = []
    for n in range(2):
        f = tmp_path / f"story{n}.md"
        f.write_text(f"# Story {n}\n\nBody.\n")
        files.append(str(f))
    code, out, err = run("import", "--resume")
    assert code == 2 and "no stopped import" in err and len(err.splitlines()) == 1
    code, out, err = run("import", "--resume", *files)
    assert code == 2 and "not both" in err
    code, out, err = run("import", *files)
    assert code == 0 and len(out.split()) == 2
