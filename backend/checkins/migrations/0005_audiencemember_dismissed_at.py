from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("checkins", "0004_mutual_share"),
    ]

    operations = [
        migrations.AddField(
            model_name="audiencemember",
            name="dismissed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
