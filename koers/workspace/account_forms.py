"""Forms of the programme office's account pages: a new account, and a role to grant.

The rules themselves (a steward has a province, a theme lead themes) live in
accounts/users.py; these forms ask for them in Dutch first, so the page can explain.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from koers.accounts.models import Role
from koers.areas.queries import dutch_provinces
from koers.programme.models import Theme


class RoleFields(forms.Form):
    role = forms.ChoiceField(label=_("Rol"))
    province = forms.ChoiceField(
        label=_("Provincie"), required=False, help_text=_("Alleen voor een datasteward.")
    )
    themes = forms.MultipleChoiceField(
        label=_("Thema's"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen voor een themasecretaris (BAC)."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Role.choices
        self.fields["province"].choices = [("", "—")] + [
            (area.code, f"{area.name} ({area.code})") for area in dutch_provinces()
        ]
        self.fields["themes"].choices = [
            (theme.number, f"{theme.number} {theme.name}")
            for theme in Theme.objects.order_by("number")
        ]

    def clean(self) -> dict:
        data = super().clean()
        role, province, themes = data.get("role"), data.get("province"), data.get("themes")
        if role == Role.PROVINCE_STEWARD and not province:
            self.add_error("province", _("Een datasteward hoort bij één provincie: kies die."))
        if role != Role.PROVINCE_STEWARD and province:
            self.add_error("province", _("Alleen een datasteward hoort bij een provincie."))
        if role == Role.THEME_LEAD and not themes:
            self.add_error("themes", _("Een themasecretaris hoort bij een of meer thema's."))
        return data


class AccountForm(RoleFields):
    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    password = forms.CharField(
        label=_("Eerste wachtwoord"),
        widget=forms.PasswordInput(render_value=False),
        strip=False,
        help_text=_("Geef het veilig door; de gebruiker logt hiermee de eerste keer in."),
    )
    field_order = ["username", "email", "password", "role", "province", "themes"]

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username=username).exists():
            raise forms.ValidationError(_("Deze gebruikersnaam bestaat al."))
        return username

    def clean(self) -> dict:
        data = super().clean()
        if data.get("username") and data.get("password"):
            candidate = get_user_model()(username=data["username"], email=data.get("email", ""))
            try:
                password_validation.validate_password(data["password"], candidate)
            except forms.ValidationError as exc:
                for error in exc.error_list:
                    self.add_error("password", PASSWORD_MESSAGES.get(error.code) or error)
        return data


#: The site's password rules in Dutch (Django's own Dutch texts lag behind its English ones).
PASSWORD_MESSAGES = {
    "password_too_short": _("Dit wachtwoord is te kort: gebruik minstens 12 tekens."),
    "password_too_common": _("Dit wachtwoord komt te vaak voor; kies een ander."),
    "password_entirely_numeric": _("Een wachtwoord van alleen cijfers is niet toegestaan."),
    "password_too_similar": _(
        "Dit wachtwoord lijkt te veel op de gebruikersnaam of het e-mailadres."
    ),
}
