from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_periodic_schedule_moves_to_common"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="circlenotificationsetting",
            name="circle_setting_once",
        ),
        migrations.DeleteModel(
            name="CircleNotificationSetting",
        ),
    ]
