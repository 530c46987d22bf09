"""The worked notebook runs from top to bottom."""

from __future__ import annotations

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore_alignment.ipynb"


def test_notebook_is_committed_without_outputs() -> None:
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") and not cell.get("execution_count") for cell in nb.cells if cell.cell_type == "code")


def test_notebook_executes() -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if o.output_type == "execute_result" and "text/html" in o.get("data", {})]
    assert any("aligner-alignment" in h for h in html)  # the rich display ran
    assert any(o.output_type == "display_data" and "image/png" in o.get("data", {}) for o in outputs)  # plots
