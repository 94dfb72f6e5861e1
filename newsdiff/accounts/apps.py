from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "newsdiff.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"
