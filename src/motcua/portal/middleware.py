"""Vietnamese first: the interface is English only when the visitor chose English.

Django's LocaleMiddleware falls back to the browser's Accept-Language, which would show the
English interface to the many people in Vietnam whose phones are set to English, around
procedure names and legal texts that exist only in Vietnamese. So the language comes from the
visitor's explicit choice (the cookie set by the `set_language` view) or is Vietnamese.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        try:
            language = translation.get_supported_language_variant(
                request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            )
        except LookupError:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # The page depends on the language cookie, not on Accept-Language.
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
