import pytest

from newsdiff.api import tokens


@pytest.fixture
def editor_token(editor):
    return tokens.issue(editor, name="pipeline")[1]


@pytest.fixture
def viewer_token(viewer):
    return tokens.issue(viewer, name="reader")[1]


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}
