"""Admin pieces shared by the apps."""


class RecordAdminMixin:
    """A record of what happened (a log, a receipt, a rating): the admin lists and shows it,
    nobody adds, edits or deletes one by hand."""

    def has_add_permission(self, request, *args) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
