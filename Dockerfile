# Image for web, worker and beat (docker-compose.yml). Configuration comes only from the environment.
FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=alliance.settings.production
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY alliance ./alliance
COPY members ./members
COPY working_groups ./working_groups
COPY governance ./governance
COPY knowledge ./knowledge
COPY templates ./templates
COPY static ./static
COPY locale ./locale
COPY manage.py ./
RUN pip install --no-cache-dir . \
 && DJANGO_SETTINGS_MODULE=alliance.settings.local python manage.py compile_catalogues \
 && SECRET_KEY=build-only-$(head -c 48 /dev/urandom | base64) DATABASE_URL=sqlite:////tmp/x.db \
    REDIS_URL=redis://localhost EMAIL_URL=smtp://localhost ALLOWED_HOSTS=localhost \
    AWS_STORAGE_BUCKET_NAME=build python manage.py collectstatic --noinput
RUN useradd --create-home alliance
USER alliance
EXPOSE 8000
CMD ["gunicorn", "alliance.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
