from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.validators import DomainNameValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index

# Plain ASCII names only: an address domain is compared as typed, and a look-alike in Unicode is refused.
validate_domain = DomainNameValidator(
    accept_idna=False, message="Vul een domeinnaam in zoals utrecht.nl, zonder @ of spaties."
)


def email_domain(email):
    """The part after the last @, lower-cased; an address without one has no domain."""
    local, at, domain = (email or "").strip().rpartition("@")
    return domain.lower() if at and local else ""


class Organisation(index.Indexed, ClusterableModel):
    """A municipality, the police, the public prosecutor or a partner whose officials may use the library."""

    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", "Gemeente"
        POLITIE = "politie", "Politie"
        OM = "om", "Openbaar Ministerie"
        PARTNER = "partner", "Partner"

    name = models.CharField("naam", max_length=255, unique=True)
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        InlinePanel(
            "domains",
            label="e-maildomeinen",
            help_text="Alleen adressen die precies op een van deze domeinen eindigen kunnen een account aanmaken. "
            "Subdomeinen tellen niet mee: voeg die apart toe.",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind")]

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def for_email(cls, email):
        """The organisation whose domain is exactly the address's domain, or None."""
        domain = email_domain(email)
        if not domain:
            return None
        return cls.objects.filter(domains__domain=domain).first()

    @admin.display(description="e-maildomeinen")
    def domain_list(self):
        """The domains, comma-separated, for the admin's listing (prefetched there)."""
        return ", ".join(sorted(domain.domain for domain in self.domains.all())) or "–"


class OrganisationDomain(models.Model):
    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField("domein", max_length=253, unique=True, help_text="Zonder @, bijvoorbeeld utrecht.nl.")

    panels = [FieldPanel("domain")]

    class Meta:
        verbose_name = "e-maildomein"
        verbose_name_plural = "e-maildomeinen"
        ordering = ["domain"]

    def __str__(self):
        return self.domain

    def clean(self):
        # "utrecht.nl." is the same domain written fully qualified; addresses are compared without the dot.
        self.domain = (self.domain or "").strip().lower().removesuffix(".")
        try:
            validate_domain(self.domain)
        except ValidationError as error:
            raise ValidationError({"domain": error.messages}) from error


class OrganisationRequestQuerySet(models.QuerySet):
    def waiting_for(self, domain):
        """Requests from addresses at exactly `domain` whose sender has not yet been told it is known."""
        return self.filter(email__iendswith=f"@{domain}", domain_added_at__isnull=True)


class OrganisationRequest(models.Model):
    """ "Mijn organisatie staat er niet bij": an official asks the library managers to add their organisation or its
    e-mail domain. No account is made; once a manager adds the domain, the official gets an e-mail and can register."""

    name = models.CharField("naam", max_length=200)
    organisation_name = models.CharField("organisatie", max_length=255)
    email = models.EmailField("werkadres", max_length=254)
    reason = models.TextField("toelichting", max_length=2000)
    created_at = models.DateTimeField("ontvangen op", auto_now_add=True)
    domain_added_at = models.DateTimeField("bericht verstuurd op", null=True, blank=True, editable=False)

    objects = OrganisationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "aanvraag nieuwe organisatie"
        verbose_name_plural = "aanvragen nieuwe organisatie"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation_name} ({self.email})"

    @property
    def domain(self):
        return email_domain(self.email)

    @admin.display(description="domein toegevoegd", boolean=True)
    def is_answered(self):
        return self.domain_added_at is not None
