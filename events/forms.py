from django import forms
from django.db import IntegrityError, transaction
from django.shortcuts import redirect

from events.registrations import EventRegistration
from portal import cache
from portal.ratelimits import allow, status


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = EventRegistration
        fields = ["name", "organisation", "email"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }


def register(event, request):
    """Handle the registration form: a place while there is one and registration is open, one per address.

    The event row is locked while counting, so two people cannot both take the last place. An address registered
    already gets the answer a new one gets: the form tells nobody who is registered. A client, and an address, may
    register only a few times (portal.ratelimits).
    """
    form = RegistrationForm(request.POST)
    if (
        event.registration_state == "open"
        and form.is_valid()
        and allow(request, form, action="event_registration", key=f"{event.pk}:{form.cleaned_data['email'].lower()}")
    ):
        with transaction.atomic():
            locked = type(event).objects.select_for_update().get(pk=event.pk)
            if locked.registration_state == "open":
                registration = form.save(commit=False)
                registration.event = locked
                try:
                    with transaction.atomic():
                        registration.save()
                except IntegrityError:
                    pass  # registered already: the same answer as a new registration gets
                else:
                    cache.purge_keys({cache.page_key(event)})  # the last place taken closes the form
                return redirect(event.get_url(request) + "?aangemeld=1")
            else:
                event.__dict__.pop("registration_count", None)
                form.add_error(None, "Aanmelden is helaas niet meer mogelijk: het evenement is vol of gesloten.")
    response = event.render(request, context_overrides={"form": form})
    response.status_code = status(form, 400 if form.errors or event.registration_state == "open" else 409)
    return response
