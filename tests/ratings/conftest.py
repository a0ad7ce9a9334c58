# The ratings are given on the citizen's pages: the same fixtures as those pages' tests.
from tests.portal.my_dossiers_support import citizen_client, procedure  # noqa: F401
