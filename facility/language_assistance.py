"""Taglines offering free language assistance (Section 1557), in the languages most
spoken in the United States after English. Staff choose which the site shows
(Facility.language_assistance); each is written in its own language and script, with the
number to call put in where {phone} stands.
"""

from dataclasses import dataclass

from django.db import models


class AssistanceLanguage(models.TextChoices):
    # Values are BCP 47 tags, for the lang attribute; labels are for the staff's admin.
    SPANISH = "es", "Spanish"
    CHINESE = "zh-Hant", "Chinese (traditional characters)"
    VIETNAMESE = "vi", "Vietnamese"
    TAGALOG = "tl", "Tagalog"
    KOREAN = "ko", "Korean"
    ARABIC = "ar", "Arabic"
    RUSSIAN = "ru", "Russian"
    HAITIAN_CREOLE = "ht", "Haitian Creole"
    FRENCH = "fr", "French"
    PORTUGUESE = "pt", "Portuguese"
    GERMAN = "de", "German"
    POLISH = "pl", "Polish"


RIGHT_TO_LEFT = {"ar"}


@dataclass(frozen=True)
class Tagline:
    code: str
    name: str  # the language's name in that language
    text: str  # with {phone}

    @property
    def direction(self):
        return "rtl" if self.code in RIGHT_TO_LEFT else "ltr"

    def parts(self):
        """The text before and after the phone number, which the page makes a link."""
        before, _, after = self.text.partition("{phone}")
        return before, after


TAGLINES = {
    tagline.code: tagline
    for tagline in [
        Tagline(
            "es",
            "Español",
            "Ayuda gratuita en su idioma: podemos explicarle nuestros servicios y hablar con "
            "usted en su idioma, sin ningún costo. Llame al {phone} y díganos qué idioma habla.",
        ),
        Tagline(
            "zh-Hant",
            "中文",
            "免費語言協助：我們可以用您的語言向您說明我們的服務，並與您交談，完全免費。"
            "請致電 {phone}，告訴我們您使用哪種語言。",
        ),
        Tagline(
            "vi",
            "Tiếng Việt",
            "Hỗ trợ ngôn ngữ miễn phí: chúng tôi có thể giải thích các dịch vụ và nói chuyện "
            "với quý vị bằng ngôn ngữ của quý vị, hoàn toàn miễn phí. Hãy gọi {phone} và cho "
            "chúng tôi biết quý vị nói ngôn ngữ nào.",
        ),
        Tagline(
            "tl",
            "Tagalog",
            "Libreng tulong sa inyong wika: maipapaliwanag namin ang aming mga serbisyo at "
            "makakausap namin kayo sa inyong wika nang walang bayad. Tumawag sa {phone} at "
            "sabihin sa amin kung anong wika ang inyong ginagamit.",
        ),
        Tagline(
            "ko",
            "한국어",
            "무료 언어 지원: 귀하의 언어로 저희 서비스를 설명해 드리고 상담해 드릴 수 "
            "있으며, 비용은 들지 않습니다. {phone}번으로 전화하셔서 사용하시는 언어를 "
            "말씀해 주십시오.",
        ),
        Tagline(
            "ar",
            "العربية",
            "مساعدة مجانية بلغتك: يمكننا أن نشرح لك خدماتنا ونتحدث معك بلغتك دون أي تكلفة. "
            "اتصل بالرقم {phone} وأخبرنا باللغة التي تتحدثها.",
        ),
        Tagline(
            "ru",
            "Русский",
            "Бесплатная помощь на вашем языке: мы можем рассказать о наших услугах и "
            "поговорить с вами на вашем языке бесплатно. Позвоните по номеру {phone} и "
            "скажите, на каком языке вы говорите.",
        ),
        Tagline(
            "ht",
            "Kreyòl ayisyen",
            "Èd gratis nan lang ou: nou ka eksplike w sèvis nou yo epi pale avè w nan lang "
            "ou, san ou pa peye anyen. Rele {phone} epi di nou ki lang ou pale.",
        ),
        Tagline(
            "fr",
            "Français",
            "Aide gratuite dans votre langue : nous pouvons vous présenter nos services et "
            "parler avec vous dans votre langue, sans frais. Appelez le {phone} et "
            "indiquez-nous la langue que vous parlez.",
        ),
        Tagline(
            "pt",
            "Português",
            "Ajuda gratuita no seu idioma: podemos explicar nossos serviços e conversar com "
            "você no seu idioma, sem nenhum custo. Ligue para {phone} e diga qual idioma "
            "você fala.",
        ),
        Tagline(
            "de",
            "Deutsch",
            "Kostenlose Hilfe in Ihrer Sprache: Wir können Ihnen unsere Leistungen erklären "
            "und mit Ihnen in Ihrer Sprache sprechen, ohne Kosten für Sie. Rufen Sie {phone} "
            "an und nennen Sie uns Ihre Sprache.",
        ),
        Tagline(
            "pl",
            "Polski",
            "Bezpłatna pomoc w Twoim języku: możemy wyjaśnić nasze usługi i porozmawiać "
            "z Tobą w Twoim języku, bez żadnych kosztów. Zadzwoń pod numer {phone} i powiedz "
            "nam, jakim językiem mówisz.",
        ),
    ]
}


def default_languages():
    """Every language with a tagline: a new site offers them all until staff choose."""
    return list(AssistanceLanguage.values)


def taglines(codes):
    """The taglines of `codes`, in the order the choices are declared."""
    chosen = set(codes or [])
    return [TAGLINES[code] for code in AssistanceLanguage.values if code in chosen]
