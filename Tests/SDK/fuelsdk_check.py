#!/usr/bin/env python3
"""Drives a running JourneyLab emulator through Salesforce's Python SDK (salesforce-fuelsdk-sans).

Usage: fuelsdk_check.py --base-url http://127.0.0.1:PORT --client-id ID --client-secret SECRET [--wsdl FILE]

Steps: an OAuth 2.0 token (POST /v2/token), a wrong secret refused, and, with another client, a legacy one
(POST /v1/requestToken?legacy=1), renewed with its refresh token; a data extension created
(POST /data/v1/customobjects) and made sendable (PATCH); rows upserted (POST /hub/v1/dataevents/
key:{key}/rowset); an API event definition on it (POST /interaction/v1/eventDefinitions); an event
fired (POST /interaction/v1/events); the rows read back (GET /data/v1/customobjectdata/key/{key}/
rowset); the data extension read with the legacy token; and the SOAP endpoint the legacy client
asks for (GET /platform/v1/endpoints/soap).

Every call goes through the SDK's own objects: ET_Client gets the tokens (OAuth 2.0 and legacy),
and FuelSDK.rest.ET_PostRest / ET_PatchRest / ET_GetRest make the REST calls with the headers the SDK sends.
URLs are built as the SDK's REST objects build them (ET_CUDSupportRest: base_api_url + path, so
with OAuth 2.0's rest_instance_url ".../" the path starts with "//", as it does against Marketing
Cloud). Each step prints "ok: ..."; the first failure prints "FAIL: ..." and exits 1. The last
line is "fuelsdk: N passed, N failed".

Status codes are read from `.code`: FuelSDK's `.status` is True only for 200, so it calls
Marketing Cloud's 201 (data extension created, event fired) a failure.
"""

import argparse
import json
import os
import re
import sys
import tempfile
import time
import traceback

GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

DE_NAME = "FuelSDK Members"
DE_KEY = "FUELSDK_MEMBERS"
EVENT_NAME = "FuelSDK Member Joined"
EVENT_KEY = "FuelSDK-Member-Joined"
# Upserted through the hub rowset call.
UPSERTED = [
    {"emailaddress": "ada@example.com", "firstname": "Ada", "tier": "Gold", "updated": "True"},
    {"emailaddress": "grace@example.com", "firstname": "Grace", "tier": "Silver", "updated": "False"},
]
# Written by the API event (the contact has no row yet, so the event's data becomes one).
FIRED = {"emailaddress": "carol@example.com", "firstname": "Carol", "tier": "Bronze", "updated": "False"}


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def show(value, limit=600):
    text = json.dumps(value, sort_keys=True) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[:limit] + "…"


def url(client, path):
    """As FuelSDK's ET_CUDSupportRest does: `self.auth_stub.base_api_url + self.path`."""
    return client.base_api_url + path


def expect_reply(call, what, codes):
    """The SDK's REST result: `.code` among `codes`, `.results` the parsed JSON body."""
    expect(
        call.code in codes,
        f"{what} answered HTTP {call.code}, expected {' or '.join(map(str, codes))}: {show(call.results or call.message)}",
    )
    return call.results


def field(body, name, what):
    expect(isinstance(body, dict), f"{what}: the body is not a JSON object: {show(body)}")
    expect(name in body, f"{what}: the body has no \"{name}\": {show(body)}")
    return body[name]


class Check:
    def __init__(self, args):
        self.args = args
        self.base = args.base_url.rstrip("/")
        self.passed = 0
        self.state = {}

    def ok(self, message):
        self.passed += 1
        print(f"ok: {message}", flush=True)

    def params(self, **extra):
        """Every setting ET_Client reads, given here so no ~/.fuelsdk/config.python or FUELSDK_* variable counts."""
        params = {
            "clientid": self.args.client_id,
            "clientsecret": self.args.client_secret,
            "wsdl_file_local_loc": self.args.wsdl,
            # Only fetched when the local WSDL is missing or empty, which main() rules out.
            "defaultwsdl": self.base + "/etframework.wsdl",
            "applicationType": "server",
            "accountId": "",
            "scope": "",
        }
        params.update(extra)
        return params

    # a. Tokens

    def oauth2_token(self):
        from FuelSDK import ET_Client

        started = time.time()
        # The real auth base URL ends with "/" (https://SUBDOMAIN.auth.marketingcloudapis.com/);
        # FuelSDK appends "/v2/token" (client.py, refresh_token_with_oAuth2).
        client = ET_Client(
            params=self.params(useOAuth2Authentication="True", authenticationurl=self.base + "/"),
        )
        expect(client.authToken, "OAuth 2.0 (POST /v2/token): ET_Client has no access token")
        expect(
            client.internalAuthToken == client.authToken,
            "OAuth 2.0: FuelSDK's internalAuthToken is not the access_token",
        )
        expect(
            client.authTokenExpiration and 1000 < client.authTokenExpiration - started <= 1090,
            f"OAuth 2.0: expires_in gave an expiry {client.authTokenExpiration - started:.0f} s away, expected 1079 s",
        )
        expect(
            client.base_api_url == self.base + "/",
            f"OAuth 2.0: rest_instance_url is {client.base_api_url!r}, expected {self.base + '/'!r}",
        )
        expect(
            client.soap_endpoint == self.base + "/service.asmx",
            f"OAuth 2.0: soap_instance_url + 'service.asmx' is {client.soap_endpoint!r}, expected {self.base + '/service.asmx'!r}",
        )
        expect(client.soap_client is not None, "OAuth 2.0: FuelSDK built no SOAP client from the local WSDL")
        self.state["client"] = client
        self.ok(f"OAuth 2.0 token (POST /v2/token): access token, expires_in 1079 s, rest_instance_url {client.base_api_url}")

    def wrong_secret(self):
        """A wrong secret must be refused: FuelSDK raises with the reply when it has no access_token."""
        from FuelSDK import ET_Client

        params = self.params(useOAuth2Authentication="True", authenticationurl=self.base + "/")
        params["clientsecret"] = self.args.client_secret + "-wrong"
        try:
            ET_Client(params=params)
        except Exception as error:  # FuelSDK raises a bare Exception here
            expect(
                "invalid_client" in str(error),
                f"OAuth 2.0 with a wrong secret: FuelSDK raised, but not with invalid_client: {error}",
            )
        else:
            raise CheckFailed("OAuth 2.0 with a wrong secret: the emulator gave an access token")
        self.ok("OAuth 2.0 with a wrong client secret: refused (invalid_client), ET_Client raises")

    def legacy_token(self):
        from FuelSDK import ET_Client

        started = time.time()
        # FuelSDK appends "?legacy=1" and sends accessType "offline" (client.py, refresh_token).
        # The legacy reply has no rest_instance_url: the REST base comes from baseapiurl.
        client = ET_Client(
            params=self.params(
                useOAuth2Authentication="False",
                authenticationurl=self.base + "/v1/requestToken",
                baseapiurl=self.base,
            ),
        )
        expect(
            client.auth_url == self.base + "/v1/requestToken?legacy=1",
            f"legacy: FuelSDK asked {client.auth_url!r}, expected …/v1/requestToken?legacy=1",
        )
        expect(client.authToken, "legacy (POST /v1/requestToken?legacy=1): ET_Client has no accessToken")
        expect(client.internalAuthToken, "legacy: ET_Client has no legacyToken")
        expect(client.refreshKey, "legacy: accessType offline gave no refreshToken")
        expect(
            client.authTokenExpiration and 3500 < client.authTokenExpiration - started <= 3610,
            f"legacy: expiresIn gave an expiry {client.authTokenExpiration - started:.0f} s away, expected 3600 s",
        )
        expect(client.soap_client is not None, "legacy: FuelSDK built no SOAP client from the local WSDL")
        expect(
            client.authToken != self.state["client"].authToken,
            "legacy: the second client got the first client's token",
        )
        self.state["legacy"] = client
        self.ok("legacy token (POST /v1/requestToken?legacy=1): accessToken, legacyToken, refreshToken, expiresIn 3600 s")

    def legacy_refresh(self):
        """FuelSDK's renewal: the same call with the refreshToken it was given (single use)."""
        client = self.state["legacy"]
        before_token, before_refresh = client.authToken, client.refreshKey
        client.refresh_token(force_refresh=True)
        expect(
            client.authToken and client.authToken != before_token,
            "legacy refresh (POST /v1/requestToken?legacy=1 with refreshToken): no new accessToken",
        )
        expect(
            client.refreshKey and client.refreshKey != before_refresh,
            "legacy refresh: no new refreshToken (a refresh token is single use)",
        )
        self.ok("legacy refresh (POST /v1/requestToken?legacy=1 with refreshToken): new accessToken and refreshToken")

    # b. Data extension, rows, event definition, event, rows back

    def create_data_extension(self):
        from FuelSDK.rest import ET_PostRest

        client = self.state["client"]
        body = {
            "name": DE_NAME,
            "key": DE_KEY,
            "description": "Members, created by Tests/SDK/fuelsdk_check.py",
            "fields": [
                {"name": "EmailAddress", "type": "EmailAddress", "length": 254, "isPrimaryKey": True, "isNullable": False},
                {"name": "FirstName", "type": "Text", "length": 50},
                {"name": "Tier", "type": "Text", "length": 20},
                {"name": "Updated", "type": "Boolean", "defaultValue": "False"},
            ],
        }
        what = "POST /data/v1/customobjects"
        created = expect_reply(ET_PostRest(client, url(client, "/data/v1/customobjects"), body), what, [201])
        de_id = field(created, "id", what)
        expect(isinstance(de_id, str) and GUID.match(de_id), f"{what}: id {de_id!r} is not a GUID")
        expect(field(created, "key", what) == DE_KEY, f"{what}: key is {created['key']!r}, expected {DE_KEY!r}")
        expect(field(created, "name", what) == DE_NAME, f"{what}: name is {created['name']!r}, expected {DE_NAME!r}")
        expect(field(created, "isSendable", what) is False, f"{what}: isSendable is {created['isSendable']!r}, expected false")
        names = [f.get("name") for f in field(created, "fields", what) or []]
        expect(
            names == ["EmailAddress", "FirstName", "Tier", "Updated"],
            f"{what}: fields are {names}, expected EmailAddress, FirstName, Tier, Updated",
        )
        primary = [f["name"] for f in created["fields"] if f.get("isPrimaryKey")]
        expect(primary == ["EmailAddress"], f"{what}: primary key fields are {primary}, expected EmailAddress")
        self.state["de_id"] = de_id
        self.ok(f"{what} → 201: data extension {DE_KEY} ({de_id}), 4 fields, primary key EmailAddress")

    def make_sendable(self):
        # An API event's data extension needs a field holding the contact key: the sendable one.
        from FuelSDK.rest import ET_PatchRest

        client = self.state["client"]
        de_id = self.state["de_id"]
        body = {"isSendable": True, "sendableCustomObjectField": "EmailAddress", "sendableSubscriberField": "_SubscriberKey"}
        what = f"PATCH /data/v1/customobjects/{de_id}"
        changed = expect_reply(ET_PatchRest(client, url(client, f"/data/v1/customobjects/{de_id}"), body), what, [200])
        expect(field(changed, "id", what) == de_id, f"{what}: id is {changed['id']!r}, expected {de_id!r}")
        expect(field(changed, "isSendable", what) is True, f"{what}: isSendable is {changed['isSendable']!r}, expected true")
        expect(
            field(changed, "sendableCustomObjectField", what) == "EmailAddress",
            f"{what}: sendableCustomObjectField is {changed['sendableCustomObjectField']!r}, expected EmailAddress",
        )
        expect(
            field(changed, "sendableSubscriberField", what) == "_SubscriberKey",
            f"{what}: sendableSubscriberField is {changed['sendableSubscriberField']!r}, expected _SubscriberKey",
        )
        self.ok(f"{what} → 200: sendable on EmailAddress → _SubscriberKey")

    def upsert_rows(self):
        from FuelSDK.rest import ET_PostRest

        client = self.state["client"]
        rows = [
            {
                "keys": {"EmailAddress": row["emailaddress"]},
                "values": {"FirstName": row["firstname"], "Tier": row["tier"], "Updated": row["updated"] == "True"},
            }
            for row in UPSERTED
        ]
        what = f"POST /hub/v1/dataevents/key:{DE_KEY}/rowset"
        echoed = expect_reply(ET_PostRest(client, url(client, f"/hub/v1/dataevents/key:{DE_KEY}/rowset"), rows), what, [200])
        expect(echoed == rows, f"{what}: the reply is not the rows as sent: {show(echoed)}")
        self.ok(f"{what} → 200: {len(rows)} rows upserted, echoed back")

    def create_event_definition(self):
        from FuelSDK.rest import ET_PostRest

        client = self.state["client"]
        de_id = self.state["de_id"]
        body = {"type": "APIEvent", "name": EVENT_NAME, "eventDefinitionKey": EVENT_KEY, "dataExtensionId": de_id}
        what = "POST /interaction/v1/eventDefinitions"
        created = expect_reply(ET_PostRest(client, url(client, "/interaction/v1/eventDefinitions"), body), what, [200])
        event_id = field(created, "id", what)
        expect(isinstance(event_id, str) and GUID.match(event_id), f"{what}: id {event_id!r} is not a GUID")
        expect(
            field(created, "eventDefinitionKey", what) == EVENT_KEY,
            f"{what}: eventDefinitionKey is {created['eventDefinitionKey']!r}, expected {EVENT_KEY!r}",
        )
        expect(field(created, "type", what) == "APIEvent", f"{what}: type is {created['type']!r}, expected APIEvent")
        expect(field(created, "name", what) == EVENT_NAME, f"{what}: name is {created['name']!r}, expected {EVENT_NAME!r}")
        expect(
            str(field(created, "dataExtensionId", what)).lower() == de_id.lower(),
            f"{what}: dataExtensionId is {created['dataExtensionId']!r}, expected {de_id!r}",
        )
        expect(
            field(created, "dataExtensionName", what) == DE_NAME,
            f"{what}: dataExtensionName is {created['dataExtensionName']!r}, expected {DE_NAME!r}",
        )
        self.ok(f"{what} → 200: API event {EVENT_KEY} ({event_id}) on {DE_NAME}")

    def fire_event(self):
        from FuelSDK.rest import ET_PostRest

        client = self.state["client"]
        body = {
            "ContactKey": FIRED["emailaddress"],
            "EventDefinitionKey": EVENT_KEY,
            "Data": {"EmailAddress": FIRED["emailaddress"], "FirstName": FIRED["firstname"], "Tier": FIRED["tier"]},
        }
        what = "POST /interaction/v1/events"
        fired = expect_reply(ET_PostRest(client, url(client, "/interaction/v1/events"), body), what, [201])
        instance = field(fired, "eventInstanceId", what)
        expect(isinstance(instance, str) and GUID.match(instance), f"{what}: eventInstanceId {instance!r} is not a GUID")
        self.ok(f"{what} → 201: eventInstanceId {instance} for {FIRED['emailaddress']}")

    def read_rows(self):
        from FuelSDK.rest import ET_GetRest

        client = self.state["client"]
        what = f"GET /data/v1/customobjectdata/key/{DE_KEY}/rowset"
        page = expect_reply(
            ET_GetRest(client, url(client, f"/data/v1/customobjectdata/key/{DE_KEY}/rowset"), {"$pageSize": 50}), what, [200]
        )
        expected = UPSERTED + [FIRED]
        expect(field(page, "count", what) == len(expected), f"{what}: count is {page['count']!r}, expected {len(expected)}")
        expect(field(page, "page", what) == 1, f"{what}: page is {page['page']!r}, expected 1")
        expect(field(page, "pageSize", what) == 50, f"{what}: pageSize is {page['pageSize']!r}, expected 50")
        expect(
            field(page, "customObjectKey", what) == DE_KEY,
            f"{what}: customObjectKey is {page['customObjectKey']!r}, expected {DE_KEY!r}",
        )
        expect(
            str(field(page, "customObjectId", what)).lower() == self.state["de_id"].lower(),
            f"{what}: customObjectId is {page['customObjectId']!r}, expected {self.state['de_id']!r}",
        )
        # Rowset reads name columns in lower case and give every value as a string.
        got = {}
        for item in field(page, "items", what):
            row = dict(item.get("keys", {}))
            row.update(item.get("values", {}))
            got[row.get("emailaddress")] = row
        for row in expected:
            found = got.get(row["emailaddress"])
            expect(found is not None, f"{what}: no row for {row['emailaddress']}: {show(page)}")
            expect(found == row, f"{what}: the row for {row['emailaddress']} is {show(found)}, expected {show(row)}")
        expect(len(got) == len(expected), f"{what}: {len(got)} rows, expected {len(expected)}: {show(page)}")
        self.ok(f"{what} → 200: {len(expected)} rows (2 upserted, 1 from the event) with their values")

    def legacy_token_reads(self):
        """The legacy client's token on a REST call, at the legacy REST base (baseapiurl)."""
        from FuelSDK.rest import ET_GetRest

        client = self.state["legacy"]
        de_id = self.state["de_id"]
        what = f"GET /data/v1/customobjects/{de_id} with the legacy token"
        definition = expect_reply(ET_GetRest(client, url(client, f"/data/v1/customobjects/{de_id}"), {}), what, [200])
        expect(field(definition, "key", what) == DE_KEY, f"{what}: key is {definition['key']!r}, expected {DE_KEY!r}")
        expect(field(definition, "rowCount", what) == 3, f"{what}: rowCount is {definition['rowCount']!r}, expected 3")
        expect(field(definition, "isSendable", what) is True, f"{what}: isSendable is {definition['isSendable']!r}, expected true")
        self.ok(f"{what} → 200: {DE_KEY}, 3 rows, sendable")

    def legacy_soap_endpoint(self):
        """FuelSDK's legacy flow asks where SOAP calls go (client.py, get_soap_endpoint):
        GET {baseapiurl}/platform/v1/endpoints/soap → 200 {"type":"soap","url":".../Service.asmx"}.
        Without a "url" it silently falls back to https://webservice.exacttarget.com/Service.asmx,
        so a SOAP call from a client of the emulator would leave the machine."""
        from FuelSDK.rest import ET_GetRest

        client = self.state["legacy"]
        what = "GET /platform/v1/endpoints/soap"
        reply = ET_GetRest(client, url(client, "/platform/v1/endpoints/soap"), {})
        body = expect_reply(
            reply,
            what + " (the legacy ET_Client asks it where SOAP calls go; without a url FuelSDK falls back to"
            " https://webservice.exacttarget.com/Service.asmx)",
            [200],
        )
        soap_url = field(body, "url", what)
        expect(
            isinstance(soap_url, str) and soap_url.startswith(self.base + "/"),
            f"{what}: url is {soap_url!r}, expected the emulator's own SOAP address under {self.base}/",
        )
        expect(
            client.soap_endpoint == soap_url,
            f"{what}: the legacy ET_Client's soap_endpoint is {client.soap_endpoint!r}, not the url answered ({soap_url!r})",
        )
        self.ok(f"{what} → 200: url {soap_url}, the legacy client's SOAP endpoint")

    def run(self):
        steps = [
            self.oauth2_token,
            self.wrong_secret,
            self.legacy_token,
            self.legacy_refresh,
            self.create_data_extension,
            self.make_sendable,
            self.upsert_rows,
            self.create_event_definition,
            self.fire_event,
            self.read_rows,
            self.legacy_token_reads,
            # Last, so the steps above still run while the emulator lacks this route.
            self.legacy_soap_endpoint,
        ]
        for step in steps:
            try:
                step()
            except CheckFailed as failure:
                print(f"FAIL: {failure}", flush=True)
                print(f"fuelsdk: {self.passed} passed, 1 failed", flush=True)
                return 1
            except Exception:  # the SDK itself raised: a refused token, a body that is not JSON, …
                print(f"FAIL: {step.__name__}: FuelSDK raised:", flush=True)
                traceback.print_exc(file=sys.stdout)
                print(f"fuelsdk: {self.passed} passed, 1 failed", flush=True)
                return 1
        print(f"fuelsdk: {self.passed} passed, 0 failed", flush=True)
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="the emulator's base URL, http://127.0.0.1:PORT")
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument(
        "--wsdl",
        default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "ExactTargetWSDL.xml"),
        help="the local WSDL FuelSDK's suds client loads (default: ExactTargetWSDL.xml beside this script)",
    )
    args = parser.parse_args()
    args.wsdl = os.path.abspath(args.wsdl)
    # FuelSDK downloads the real WSDL when the local one is missing or empty: refuse instead.
    if not os.path.isfile(args.wsdl) or os.path.getsize(args.wsdl) == 0:
        print(f"FAIL: the local WSDL {args.wsdl} is missing or empty", flush=True)
        return 1
    # Settings the SDK would otherwise pick up from the environment.
    for name in [name for name in os.environ if name.startswith("FUELSDK_")]:
        del os.environ[name]
    try:
        import FuelSDK
    except ImportError as error:
        print(f"FAIL: cannot import FuelSDK (pip install salesforce-fuelsdk-sans): {error}", flush=True)
        return 1
    print(f"FuelSDK {getattr(FuelSDK, '__version__', '?')} against {args.base_url}", flush=True)
    # ET_Client reads ./config.python and writes ./soap_cache_file.json (a cached SOAP URL it
    # trusts for ten minutes): an empty folder of our own keeps both out of the way.
    home = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="fuelsdk-check.") as folder:
        os.chdir(folder)
        try:
            return Check(args).run()
        finally:
            os.chdir(home)


if __name__ == "__main__":
    sys.exit(main())
