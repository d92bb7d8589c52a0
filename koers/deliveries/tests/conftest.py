import pytest

MAPPINGS = __import__("pathlib").Path(__file__).resolve().parents[1] / "mappings"


@pytest.fixture
def catalogue(register):
    from koers.areas.builtin import CANADA_FILE, load_area_file
    from koers.indicators.catalogue import load_catalogue

    load_area_file(CANADA_FILE)
    load_catalogue()


@pytest.fixture
def mapping():
    def find(stem: str):
        matches = sorted(MAPPINGS.glob(f"*{stem}*.yaml"))
        assert len(matches) == 1, f"expected one mapping for {stem}: {matches}"
        return matches[0]

    return find


@pytest.fixture
def wind(shared_data):
    return shared_data / "cbs" / "70960ned_windenergie_op_land.csv"


CAPACITY = "OpgesteldVermogenEindeJaar_9"  # wind_vermogen in the 70960ned mapping


@pytest.fixture
def gelderland(wind, tmp_path):
    """Write the Gelderland rows of the real wind file, 2020's capacity set to ``capacity``."""
    lines = wind.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    column = header.index(CAPACITY)

    def write(capacity: float | None = None, *, name: str = "gelderland.csv"):
        rows = [lines[0]]
        for line in lines[1:]:
            if ",PV25," not in line:
                continue
            if capacity is not None and ",PV25,2020JJ00," in line:
                cells = line.rstrip("\n").split(",")
                cells[column] = str(capacity)
                line = ",".join(cells) + "\n"
            rows.append(line)
        path = tmp_path / name
        path.write_text("".join(rows), encoding="utf-8")
        return path

    return write


def publish(delivery):
    """Take a delivery through submit, approve and publish as the trusted command line."""
    from koers.deliveries.workflow import transition

    for status in ("submitted", "approved", "published"):
        delivery = transition(delivery, status, user=None)
    return delivery


def published_capacity_2020() -> list[float]:
    """What the public sees for Gelderland's 2020 wind capacity (the published current rows)."""
    from koers.deliveries.models import Observation

    return list(
        Observation.objects.filter(
            delivery__status="published",
            superseded_at__isnull=True,
            indicator__code="wind_vermogen",
            area__code="PV25",
            period="2020",
        ).values_list("value", flat=True)
    )


@pytest.fixture
def child_env(settings):
    """Environment for a real `koers` child process on this test's database and data folder."""
    import os

    from koers.config import data_dir

    db = settings.DATABASES["default"]
    env = {**os.environ, "KOERS_DATA_DIR": str(data_dir())}
    env.pop("KOERS_FAULT_POINT", None)
    if db["ENGINE"].endswith("sqlite3"):
        env["KOERS_DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    else:
        env["KOERS_DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        )
    return env
