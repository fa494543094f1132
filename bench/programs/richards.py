# Richards: Martin Richards' operating-system simulation (an idle task, a worker,
# two handlers and two devices passing packets through a scheduler), written here
# with classes, inheritance and small methods, as the classic object benchmark.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def packet_pending_state(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting_state(self):
        self.packet_pending = False
        self.task_waiting = True
        self.task_holding = False
        return self

    def running_state(self):
        self.packet_pending = False
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting_with_packet(self):
        self.packet_pending = True
        self.task_waiting = True
        self.task_holding = False
        return self

    def is_held_or_waiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Task(TaskState):
    def __init__(self, sched, ident, priority, queue, rec):
        super().__init__()
        self.sched = sched
        self.link = sched.tasks
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.rec = rec
        sched.tasks = self
        sched.table[ident] = self
        if queue is None:
            self.running_state()
        else:
            self.packet_pending_state()

    def add_packet(self, packet, old):
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return old

    def run_task(self):
        if self.is_waiting_with_packet():
            msg = self.queue
            self.queue = msg.link
            if self.queue is None:
                self.running_state()
            else:
                self.packet_pending_state()
        else:
            msg = None
        return self.step(msg)

    def wait_task(self):
        self.task_waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, ident):
        t = self.sched.find(ident)
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def qpkt(self, packet):
        t = self.sched.find(packet.ident)
        self.sched.queue_count += 1
        packet.link = None
        packet.ident = self.ident
        return t.add_packet(packet, self)


class DeviceTask(Task):
    def step(self, packet):
        if packet is None:
            pending = self.rec
            if pending is None:
                return self.wait_task()
            self.rec = None
            return self.qpkt(pending)
        self.rec = packet
        return self.hold()


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, None)
        self.work_in = None
        self.device_in = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                dev = self.device_in
                if dev is not None:
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.qpkt(dev)
            else:
                self.work_in = work.link
                return self.qpkt(work)
        return self.wait_task()


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        super().__init__(sched, ident, priority, None, None)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control = self.control // 2
            return self.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(DEVICE_B)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, None)
        self.destination = HANDLER_A
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.wait_task()
        if self.destination == HANDLER_A:
            self.destination = HANDLER_B
        else:
            self.destination = HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = self.count
        return self.qpkt(packet)


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.hold_count = 0
        self.queue_count = 0

    def find(self, ident):
        return self.table[ident]

    def schedule(self):
        t = self.tasks
        while t is not None:
            if t.is_held_or_waiting():
                t = t.link
            else:
                t = t.run_task()


def richards(count):
    s = Scheduler()
    IdleTask(s, IDLE, 1, count)
    wq = Packet(None, 0, KIND_WORK)
    wq = Packet(wq, 0, KIND_WORK)
    WorkTask(s, WORKER, 1000, wq)
    wq = Packet(None, DEVICE_A, KIND_DEVICE)
    wq = Packet(wq, DEVICE_A, KIND_DEVICE)
    wq = Packet(wq, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, wq)
    wq = Packet(None, DEVICE_B, KIND_DEVICE)
    wq = Packet(wq, DEVICE_B, KIND_DEVICE)
    wq = Packet(wq, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, wq)
    DeviceTask(s, DEVICE_A, 4000, None, None)
    DeviceTask(s, DEVICE_B, 5000, None, None)
    s.schedule()
    return s.queue_count, s.hold_count


for _ in range(25):
    q, h = richards(10000)
print(q, h)
