"""The 18 countries that signed the Declaration of Bridgetown on 12 December 2024."""

import datetime

from django.db import migrations

FOUNDED_ON = datetime.date(2024, 12, 12)

# ISO 3166-1 alpha-2, then the name in Spanish, English, Portuguese and French.
FOUNDERS = [
    ("AR", "Argentina", "Argentina", "Argentina", "Argentine"),
    ("BS", "Bahamas", "The Bahamas", "Bahamas", "Bahamas"),
    ("BB", "Barbados", "Barbados", "Barbados", "Barbade"),
    ("BZ", "Belice", "Belize", "Belize", "Belize"),
    ("BR", "Brasil", "Brazil", "Brasil", "Brésil"),
    ("CL", "Chile", "Chile", "Chile", "Chili"),
    ("CR", "Costa Rica", "Costa Rica", "Costa Rica", "Costa Rica"),
    ("DO", "República Dominicana", "Dominican Republic", "República Dominicana",
     "République dominicaine"),
    ("EC", "Ecuador", "Ecuador", "Equador", "Équateur"),
    ("GT", "Guatemala", "Guatemala", "Guatemala", "Guatemala"),
    ("GY", "Guyana", "Guyana", "Guiana", "Guyana"),
    ("HN", "Honduras", "Honduras", "Honduras", "Honduras"),
    ("JM", "Jamaica", "Jamaica", "Jamaica", "Jamaïque"),
    ("PA", "Panamá", "Panama", "Panamá", "Panama"),
    ("PY", "Paraguay", "Paraguay", "Paraguai", "Paraguay"),
    ("PE", "Perú", "Peru", "Peru", "Pérou"),
    ("SR", "Surinam", "Suriname", "Suriname", "Suriname"),
    ("UY", "Uruguay", "Uruguay", "Uruguai", "Uruguay"),
]


def add_founders(apps, schema_editor):
    Country = apps.get_model("members", "Country")
    MembershipPeriod = apps.get_model("members", "MembershipPeriod")
    for code, es, en, pt, fr in FOUNDERS:
        country, _ = Country.objects.get_or_create(
            iso_code=code, defaults={"name_es": es, "name_en": en, "name_pt": pt, "name_fr": fr}
        )
        if not MembershipPeriod.objects.filter(country=country).exists():
            MembershipPeriod.objects.create(
                country=country,
                joined_on=FOUNDED_ON,
                note="Signatory of the Declaration of Bridgetown",
            )


def remove_founders(apps, schema_editor):
    Country = apps.get_model("members", "Country")
    MembershipPeriod = apps.get_model("members", "MembershipPeriod")
    codes = [row[0] for row in FOUNDERS]
    MembershipPeriod.objects.filter(country__iso_code__in=codes, joined_on=FOUNDED_ON).delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]
    operations = [migrations.RunPython(add_founders, remove_founders)]
