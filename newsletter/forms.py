from django import forms


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="E-mailadres", widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    consent = forms.BooleanField(
        label="Ik wil de nieuwsbrief van de Veiligheidscoalitie Midden-Nederland ontvangen en weet dat ik me met één "
        "klik weer kan afmelden.",
        required=True,
    )
