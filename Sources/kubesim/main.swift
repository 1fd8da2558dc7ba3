import KubeSim
import ArgumentParser
print("stub")
