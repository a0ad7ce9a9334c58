"""The rating form: nine questions of 2/1/0 points, the satisfaction level, a comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import DescribedFieldsMixin
from motcua.ratings.criteria import CRITERIA
from motcua.ratings.models import Satisfaction
from motcua.ratings.services import COMMENT_MAX, CRITERION_INVALID, SATISFACTION_INVALID


class RatingForm(DescribedFieldsMixin, forms.Form):
    satisfaction = forms.ChoiceField(
        label=_("Nhìn chung, bạn có hài lòng với việc giải quyết hồ sơ không?"),
        choices=Satisfaction.choices, widget=forms.RadioSelect,
        error_messages={"required": SATISFACTION_INVALID, "invalid_choice": SATISFACTION_INVALID},
    )
    comment = forms.CharField(
        label=_("Ý kiến góp ý (không bắt buộc)"), required=False, max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Ý kiến không quá %(limit_value)d ký tự.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in CRITERIA:
            self.fields[criterion.field] = forms.TypedChoiceField(
                label=criterion.question, coerce=int, widget=forms.RadioSelect,
                choices=[(str(points), text) for points, text in criterion.answers],
                error_messages={"required": CRITERION_INVALID,
                                "invalid_choice": CRITERION_INVALID},
            )
        # Criteria first, in their order, then the overall level and the comment.
        order = [c.field for c in CRITERIA] + ["satisfaction", "comment"]
        self.order_fields(order)
        self.describe_fields()

    def questions(self):
        """(criterion, bound field) pairs for the template."""
        return [(criterion, self[criterion.field]) for criterion in CRITERIA]

    def scores(self) -> dict[str, int]:
        return {c.field: self.cleaned_data[c.field] for c in CRITERIA}
