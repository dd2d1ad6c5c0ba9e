/**
 * Test-only TLS material for the simulator's loopback HTTPS mode. The private key is public by
 * design: it protects nothing and must never be trusted outside a test or demo on this machine.
 * The CA ("Headcount Simulator Test CA") signed one server certificate for localhost,
 * 127.0.0.1 and ::1; both are EC P-256 and valid from 2024-01-01 to 2124-01-01.
 */

/** PEM of the test CA that signed {@link TEST_SERVER_CERT}; trust it to verify the simulator. */
export const TEST_CA_CERT = `-----BEGIN CERTIFICATE-----
MIIBgDCCASagAwIBAgICEAAwCgYIKoZIzj0EAwIwJjEkMCIGA1UEAwwbSGVhZGNv
dW50IFNpbXVsYXRvciBUZXN0IENBMCAXDTI0MDEwMTAwMDAwMFoYDzIxMjQwMTAx
MDAwMDAwWjAmMSQwIgYDVQQDDBtIZWFkY291bnQgU2ltdWxhdG9yIFRlc3QgQ0Ew
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARGdyhKWlsL2KRX0v3k9pbiFtC/6Si6
837mt+poaxUX7lt0UGIrtJVG9GYIVYz0PoB/azgIbHKDYR8wGfykxwJCo0IwQDAP
BgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQUoaP3TLJH
EBY6Er3rWkmEqnxfZ+AwCgYIKoZIzj0EAwIDSAAwRQIgfjLwhCq0bLs5+HTTSYlz
UBl+Kb4hSrfq4qSNh0asQ5ECIQCpv7tWljfnd35ZAx0SMCqnRV2Y150mUjnHEpwp
6PNnNA==
-----END CERTIFICATE-----
`;

/** PEM of the simulator's server certificate (CN and SAN localhost, 127.0.0.1, ::1). */
export const TEST_SERVER_CERT = `-----BEGIN CERTIFICATE-----
MIIB0DCCAXegAwIBAgICEAEwCgYIKoZIzj0EAwIwJjEkMCIGA1UEAwwbSGVhZGNv
dW50IFNpbXVsYXRvciBUZXN0IENBMCAXDTI0MDEwMTAwMDAwMFoYDzIxMjQwMTAx
MDAwMDAwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASkZwrYZbhTwTs/xg5WCr6nByNoPkZk7oguN7g/w5qFhQuNx/uC+HQN
XlwbrqiaN/k5KBGu7mwWHZ3e7+Nrlw9No4GkMIGhMAwGA1UdEwEB/wQCMAAwDgYD
VR0PAQH/BAQDAgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMCwGA1UdEQQlMCOCCWxv
Y2FsaG9zdIcEfwAAAYcQAAAAAAAAAAAAAAAAAAAAATAfBgNVHSMEGDAWgBSho/dM
skcQFjoSvetaSYSqfF9n4DAdBgNVHQ4EFgQUqoHxasG4nB85/2Izi8rPOChdrWUw
CgYIKoZIzj0EAwIDRwAwRAIgCkUnzxm14l443Fo9mffPnT7fJIDbwsMQ2vAXrbtI
H7wCICDxwHtwDhtPWffte4Dakzq7N0coD11u5LQy4HzRDYu3
-----END CERTIFICATE-----
`;

/** PEM (PKCS#8) of the server certificate's private key. */
export const TEST_SERVER_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgDCZswFwbDpJgMpDd
XUBenoDKMQOYBwkYr2JngALtvVehRANCAASkZwrYZbhTwTs/xg5WCr6nByNoPkZk
7oguN7g/w5qFhQuNx/uC+HQNXlwbrqiaN/k5KBGu7mwWHZ3e7+Nrlw9N
-----END PRIVATE KEY-----
`;
