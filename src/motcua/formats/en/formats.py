# The English translation keeps the Vietnamese formats: the figures are Vietnamese ones.
from motcua.formats.vi.formats import *  # noqa: F403 - the same formats, by design
