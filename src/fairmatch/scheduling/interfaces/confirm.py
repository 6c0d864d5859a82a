"""The confirmation of a change shown before it is made: the counts the organiser saw."""

from dataclasses import replace
from typing import Any, TypeVar

from django import forms

T = TypeVar("T")


class ChangeCountsForm(forms.Form):
    """Hidden fields carrying the previewed counts; the change is refused if they moved on."""

    release = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    moved = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    unplaced = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    placed = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    mailed = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    @staticmethod
    def initial_from(preview: Any) -> dict[str, int | None]:
        """The hidden fields' values for a preview (ApplyPreview or ResetPreview)."""
        return {
            "release": preview.release_number,
            "moved": preview.moved,
            "unplaced": preview.unplaced,
            "placed": preview.placed,
            "mailed": preview.mailed,
        }

    def expected(self, preview: T) -> T:
        """The preview the organiser confirmed (the current one with the counts it saw)."""
        data = dict(self.cleaned_data)
        return replace(preview, release_number=data.pop("release"), **data)
