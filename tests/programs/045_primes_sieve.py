# sieve of Eratosthenes, prime factorization, twin primes
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            for m in range(p * p, limit + 1, p):
                is_prime[m] = False
        p += 1
    primes = []
    for i in range(limit + 1):
        if is_prime[i]:
            primes.append(i)
    return primes
primes = sieve(200)
print(primes)
print(len(sieve(10000)), sum(sieve(1000)))
def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors
for n in [2, 12, 97, 360, 1001, 65536, 600851475143]:
    print(n, factorize(n))
twins = []
for i in range(len(primes) - 1):
    if primes[i + 1] - primes[i] == 2:
        twins.append((primes[i], primes[i + 1]))
print(twins)
def goldbach(n, prime_set):
    for p in primes:
        if p > n // 2:
            break
        if (n - p) in prime_set:
            pair = (p, n - p)
            break
    else:
        pair = None
    return pair
prime_set = {}
for p in primes:
    prime_set[p] = True
for n in range(4, 40, 6):
    print(n, goldbach(n, prime_set))
