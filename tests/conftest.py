import pytest


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("eddie", password="correct-horse-battery")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
