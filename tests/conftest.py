import pytest

from newsdiff.accounts.roles import Role, grant
from newsdiff.stories.models import Story
from tests.page_server import PageServer


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs most of a second per user; the tests are not about password strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("eddie", password="correct-horse-battery")
    grant(user, Role.EDITOR)
    return user


@pytest.fixture
def viewer(django_user_model):
    user = django_user_model.objects.create_user("vera", password="correct-horse-battery")
    grant(user, Role.VIEWER)
    return user


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def story(db):
    return Story.objects.create(title="Harbour wall", slug="harbour-wall")


@pytest.fixture
def page_server():
    with PageServer() as server:
        yield server


@pytest.fixture
def fetch_local(settings):
    """Let fetching reach the test's own server on 127.0.0.1, with a short time limit."""
    settings.NEWSDIFF_FETCH_ALLOW_PRIVATE = True
    settings.NEWSDIFF_FETCH_TIMEOUT = 1
    return settings
