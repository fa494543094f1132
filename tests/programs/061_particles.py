# a simple particle simulation with floats: gravity, drag, bouncing
particles = [
    {"x": 0.0, "y": 10.0, "vx": 1.5, "vy": 0.0},
    {"x": 5.0, "y": 2.5, "vx": -0.75, "vy": 4.0},
    {"x": -3.0, "y": 0.5, "vx": 0.0, "vy": 12.25},
]
G = -9.81
DT = 0.05
DRAG = 0.995
bounces = [0, 0, 0]
for step in range(200):
    for i, p in enumerate(particles):
        p["vy"] += G * DT
        p["vx"] *= DRAG
        p["vy"] *= DRAG
        p["x"] += p["vx"] * DT
        p["y"] += p["vy"] * DT
        if p["y"] < 0:
            p["y"] = -p["y"] * 0.8
            p["vy"] = -p["vy"] * 0.8
            bounces[i] += 1
    if step % 50 == 0:
        line = []
        for p in particles:
            line.append(f"({p['x']:7.3f},{p['y']:7.3f})")
        print(f"t={step * DT:5.2f}", " ".join(line))
for p in particles:
    print(p)
print("bounces:", bounces)
def energy(p):
    return 0.5 * (p["vx"] ** 2 + p["vy"] ** 2) - G * p["y"]
energies = []
for p in particles:
    energies.append(energy(p))
print(energies)
print(f"{sum(energies):.6f}", f"{max(energies):.3f}")
cx = 0.0
cy = 0.0
for p in particles:
    cx += p["x"]
    cy += p["y"]
print("center:", cx / len(particles), cy / len(particles))
